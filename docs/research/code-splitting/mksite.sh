#!/bin/sh
# mksite.sh OPTDIR SITEDIR : a static site from the main dist's css/icons + our js/wasm
set -e
OPT=$1; SITE=$2
rm -rf $SITE; mkdir -p $SITE
cp -r /work/main/dist/icons /work/main/dist/*.css /work/main/dist/manifest.webmanifest $SITE/
cp $OPT/* $SITE/
CSS=$(cd $SITE && ls *.css | sed 's/.*/  <link rel="stylesheet" href=".\/&">/')
cat > $SITE/index.html <<HTML
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SRE Foundations Workbook</title>
  <link rel="icon" href="icons/icon.svg" type="image/svg+xml">
<script type="module">
import init from './sre-workbook.js';
await init({ module_or_path: './sre-workbook_bg.wasm' });
</script>
$CSS
  <link rel="modulepreload" href="./sre-workbook.js"><link rel="preload" href="./sre-workbook_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">
</head>
<body>
  <div id="boot"><header class="app-header"><div class="brand"><span class="app-title">SRE Foundations Workbook</span><span class="open-plan-name" role="status">Loading the workbook…</span></div></header></div>
</body>
</html>
HTML
