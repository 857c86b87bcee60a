#!/bin/sh
# Regenerates the static protobuf decoder/encoder for ONNX from src/engine/formats/onnx/onnx.proto.
# Static code (not reflection) keeps the bundle free of a .proto parser and of `eval`; only the encode and
# decode functions are generated because the engine needs nothing else.
# Usage: sh scripts/gen-onnx-proto.sh   (from the repository root)
set -eu
dir=src/engine/formats/onnx
npx pbjs -t static-module -w esm --dependency protobufjs/minimal.js --keep-case \
  --no-verify --no-convert --no-delimited --no-typeurl \
  -o "$dir/onnx-proto.generated.js" "$dir/onnx.proto"
npx pbts -o "$dir/onnx-proto.generated.d.ts" "$dir/onnx-proto.generated.js"
