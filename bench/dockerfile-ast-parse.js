// Parses every file listed on stdin with dockerfile-ast (the reference parser of the
// Dockerfile language server) and prints the wall time; used by parse-throughput.sh.
const fs = require('fs');
const { DockerfileParser } = require('dockerfile-ast');
const files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
const start = process.hrtime.bigint();
let instructions = 0;
let failed = 0;
for (const f of files) {
  try {
    const df = DockerfileParser.parse(fs.readFileSync(f, 'utf8'));
    instructions += df.getInstructions().length;
  } catch (e) {
    failed++;
  }
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ files: files.length, instructions, failed, seconds: secs,
  peakMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
