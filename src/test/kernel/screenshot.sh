#!/usr/bin/env bash
# Remakes docs/notebook.png, the README's picture: docs/example.ipynb executed with the vpclab
# kernel (jupyter nbconvert --execute) and rendered to HTML, drawn by headless Chromium.
# Needs jupyter-nbconvert, python3-nbclient and chromium. Run from anywhere:
#   bash src/test/kernel/screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./vpclab kernel install --prefix "$work/prefix" >/dev/null
export JUPYTER_PATH="$work/prefix/share/jupyter" JUPYTER_DATA_DIR="$work/data" \
  JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config" PYTHONDONTWRITEBYTECODE=1
cp docs/example.ipynb "$work/"
cd "$work"
/usr/bin/python3 -m nbconvert --log-level=ERROR --to notebook --execute --output executed.ipynb example.ipynb
/usr/bin/python3 "$root/src/test/kernel/check_notebook.py" executed.ipynb
/usr/bin/python3 -m nbconvert --log-level=ERROR --to html executed.ipynb
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$work/profile" --window-size="${WIDTH:-1100},${HEIGHT:-1990}" \
  --screenshot="$work/notebook.png" "file://$work/executed.html" 2>/dev/null
mv "$work/notebook.png" "$root/docs/notebook.png"
echo "wrote docs/notebook.png"
