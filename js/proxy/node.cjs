// CommonJS entry of `eipkit/proxy`: Node (20.19 and later) loads the ES module entry with require().
module.exports = require("./node.js");
