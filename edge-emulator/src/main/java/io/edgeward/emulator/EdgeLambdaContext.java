package io.edgeward.emulator;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/** The Lambda context an emulated edge function gets; its logger writes to SLF4J as {@code edge.<function>}. */
final class EdgeLambdaContext implements Context {

    private final String requestId;
    private final String functionName;
    private final LambdaLogger logger;

    EdgeLambdaContext(String requestId, String functionName) {
        this.requestId = requestId;
        this.functionName = functionName;
        Logger log = LoggerFactory.getLogger("edge." + functionName);
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log.info("{}", message);
            }

            @Override
            public void log(byte[] message) {
                log.info("{}", new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/us-east-1." + functionName; }
    @Override public String getLogStreamName() { return "local"; }
    @Override public String getFunctionName() { return "us-east-1." + functionName; }
    @Override public String getFunctionVersion() { return "1"; }
    @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName + ":1";
    }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    /** Viewer events allow 5 s; the emulator does not enforce it. */
    @Override public int getRemainingTimeInMillis() { return 5_000; }
    @Override public int getMemoryLimitInMB() { return 128; }
    @Override public LambdaLogger getLogger() { return logger; }
}
