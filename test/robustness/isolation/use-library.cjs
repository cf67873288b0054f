// The CommonJS build, with require() of built-ins blocked. argv: paths of dist/index.cjs and dist/calibrate.cjs.
const [indexPath, calibratePath] = process.argv.slice(2);
const lib = require(indexPath);
const calibrate = require(calibratePath);
const result = lib.createScorer().score({ channel: 'chat', waitSeconds: 600, text: 'still waiting, I want a refund' });
process.stdout.write(JSON.stringify({ probability: result.probability, calibrate: typeof calibrate.fit }) + '\n');
