// Test fixture standing in for the TeaVM origin-request bundle (edge-viewer-request/target/lambda-edge/index.js).
"use strict";
const config = require("./edgeward-edge.json");
exports.handler = (event) => Promise.resolve(event.Records[0].cf.request);
