// Preloaded into a process (node --require) so a test can read its peak memory: at exit it writes one line
// `synclens-peak-rss-kb=<kilobytes>` to standard error.
process.on('exit', () => {
  process.stderr.write(`\nsynclens-peak-rss-kb=${process.resourceUsage().maxRSS}\n`)
})
