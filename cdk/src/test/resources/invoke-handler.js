// Calls a staged bundle's handler as Lambda@Edge would (handler(event) returning a Promise) and prints the result.
const [dir, eventFile] = process.argv.slice(2);
const event = JSON.parse(require('fs').readFileSync(eventFile, 'utf8'));
require(dir + '/index.js').handler(event).then(
  r => { console.log(JSON.stringify(r)); },
  e => { console.error('rejected', e); process.exit(1); });
