// Loads the core of an answer page that `careermap form --html` wrote: the page's own script
// (run with a `module` object, so it exports its functions instead of building the page) and
// the data it embeds (questionnaire, messages). Shared by the node tests of tests/browser/.
'use strict';
const fs = require('fs');
const vm = require('vm');

function loadPage(path) {
  const html = fs.readFileSync(path, 'utf8');
  const data = /<script type="application\/json" id="form-data">([\s\S]*?)<\/script>/.exec(html);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  if (!data || scripts.length !== 1) throw new Error(path + ': not a careermap answer page');
  const sandbox = { module: { exports: {} } };
  vm.runInNewContext(scripts[0][1], sandbox, { filename: path });
  return { core: sandbox.module.exports, data: JSON.parse(data[1]), html: html };
}

module.exports = { loadPage };
