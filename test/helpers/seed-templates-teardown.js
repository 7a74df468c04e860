// globalTeardown of the node jest projects: see ./seed-templates.js.
module.exports = require('./seed-templates').teardown;
