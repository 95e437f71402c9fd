// Puppeteer reads this at install (skip its own Chrome download, which cannot work
// offline) and at launch (use Debian's chromium). See ../shared/TOOLCHAIN.md.
module.exports = {
  skipDownload: true,
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
};
