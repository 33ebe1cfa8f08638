package io.edgeward.bench.shipper;

/**
 * The viewer-response event of the AWS documentation (awsdocs/amazon-cloudfront-developer-guide @ 5999c0d8,
 * doc_source/lambda-event-structure.md, CC BY-SA 4.0; the same file as testdata/lambda-edge/events), compacted, so
 * forked benchmark JVMs need no file path.
 */
final class SampleEvents {

    static final String VIEWER_RESPONSE = """
            {"Records":[{"cf":{"config":{"distributionDomainName":"d111111abcdef8.cloudfront.net","distributionI\
d":"EDFDVBD6EXAMPLE","eventType":"viewer-response","requestId":"4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnw\
fnvQc_1oF26ClkoUSEQ=="},"request":{"clientIp":"203.0.113.178","headers":{"host":[{"key":"Host","valu\
e":"d111111abcdef8.cloudfront.net"}],"user-agent":[{"key":"User-Agent","value":"curl/7.66.0"}],"acce\
pt":[{"key":"accept","value":"*/*"}]},"method":"GET","querystring":"","uri":"/"},"response":{"header\
s":{"access-control-allow-credentials":[{"key":"Access-Control-Allow-Credentials","value":"true"}],"\
access-control-allow-origin":[{"key":"Access-Control-Allow-Origin","value":"*"}],"date":[{"key":"Dat\
e","value":"Mon, 13 Jan 2020 20:14:56 GMT"}],"referrer-policy":[{"key":"Referrer-Policy","value":"no\
-referrer-when-downgrade"}],"server":[{"key":"Server","value":"ExampleCustomOriginServer"}],"x-conte\
nt-type-options":[{"key":"X-Content-Type-Options","value":"nosniff"}],"x-frame-options":[{"key":"X-F\
rame-Options","value":"DENY"}],"x-xss-protection":[{"key":"X-XSS-Protection","value":"1; mode=block"\
}],"age":[{"key":"Age","value":"2402"}],"content-type":[{"key":"Content-Type","value":"text/html; ch\
arset=utf-8"}],"content-length":[{"key":"Content-Length","value":"9593"}]},"status":"200","statusDes\
cription":"OK"}}}]}""";

    private SampleEvents() {
    }
}
