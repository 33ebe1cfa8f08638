// Calls an edge bundle's handler the way Lambda does: one JSON event per stdin line in, one JSON line out with the
// promise's value ({"result": …}) or its rejection ({"rejected": …}). The bundle's console output goes to stderr so
// stdout stays a clean protocol.
'use strict';
const path = require('node:path');
const readline = require('node:readline');

console.log = (...args) => console.error(...args);
const bundle = require(path.resolve(process.argv[2], 'index.js'));

function reply(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let event;
  try {
    event = JSON.parse(line);
  } catch (e) {
    reply({ harnessError: 'not JSON: ' + e.message });
    return;
  }
  const started = process.hrtime.bigint();
  Promise.resolve()
    .then(() => bundle.handler(event))
    .then(
      (result) => reply({ result: result === undefined ? null : result,
        micros: Number(process.hrtime.bigint() - started) / 1000 }),
      (error) => reply({ rejected: String((error && error.stack) || error) }));
});
