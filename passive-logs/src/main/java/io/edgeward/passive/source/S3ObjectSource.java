package io.edgeward.passive.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Objects from Amazon S3 with the AWS SDK v2 (region and credentials from the Lambda environment). */
public final class S3ObjectSource implements LogObjectSource {

    private final S3Client s3;

    public S3ObjectSource(S3Client s3) {
        this.s3 = s3;
    }

    /** A client for the Lambda: the JDK's URL connection, no Apache or Netty client in the bundle. */
    public static S3ObjectSource fromLambdaEnvironment() {
        return new S3ObjectSource(S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    @Override
    public InputStream open(String bucket, String key) throws IOException {
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException("s3://" + bucket + "/" + key);
        } catch (SdkException e) {
            throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }
}
