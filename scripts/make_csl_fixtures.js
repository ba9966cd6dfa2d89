// Format CSL-JSON batches with citeproc-js (the reference implementation).
// usage: node make_csl_fixtures.js STYLE.csl LOCALES_DIR items.json  -> {id: text} on stdout
// Each batch is one bibliography: numbering restarts and year suffixes are
// assigned within the batch, as in one article's reference list.
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [stylePath, localesDir, itemsPath] = process.argv.slice(2);
const style = fs.readFileSync(stylePath, "utf8");
const batches = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const out = {};
for (const batch of batches) {
  const items = Object.fromEntries(batch.map((it) => [it.id, it]));
  const sys = {
    retrieveLocale: (lang) => {
      const p = path.join(localesDir, `locales-${lang}.xml`);
      return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : false;
    },
    retrieveItem: (id) => items[id],
  };
  const engine = new CSL.Engine(sys, style, "en-US");
  engine.setOutputFormat("text");
  engine.updateItems(batch.map((it) => it.id));
  const [meta, entries] = engine.makeBibliography();
  meta.entry_ids.forEach((ids, i) => {
    out[ids[0]] = entries[i].trim();
  });
}
process.stdout.write(JSON.stringify(out));
