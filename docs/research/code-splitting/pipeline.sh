#!/bin/bash
# pipeline.sh OUTDIR : split -> bindgen -> wasm-opt -> site, from the scratch copy's release wasm
set -e
export PATH=/work/main/node_modules/.bin:$HOME/.cargo/bin:$PATH
D=$1; OPTFLAGS=${OPTFLAGS:--Oz}
rm -rf $D; mkdir -p $D/split $D/pkg $D/opt
cp /work/scratch-split/target/wasm32-unknown-unknown/release/sre-workbook.wasm $D/in.wasm
nice -n 19 wasm-split-cli --target web --out-name sre-workbook $D/in.wasm $D/split
nice -n 19 wasm-bindgen --target web --keep-lld-exports --no-demangle --out-dir $D/pkg --out-name sre-workbook $D/split/sre-workbook.wasm
cp $D/pkg/sre-workbook.js $D/split/__wasm_split.js $D/opt/
nice -n 19 wasm-opt $OPTFLAGS --enable-bulk-memory --enable-nontrapping-float-to-int $D/pkg/sre-workbook_bg.wasm -o $D/opt/sre-workbook_bg.wasm
for f in $D/split/*.wasm; do
  b=$(basename $f); [ "$b" = sre-workbook.wasm ] && continue
  nice -n 19 wasm-opt $OPTFLAGS --enable-bulk-memory --enable-nontrapping-float-to-int $f -o $D/opt/$b
done
for f in $D/opt/*; do printf "%-60s %9d raw %8d gz9\n" $(basename $f) $(stat -c %s $f) $(gzip -9c $f | wc -c); done | tee $D/sizes.txt
/tmp/research/mksite.sh $D/opt $D/site
