# Sourced by scripts/setup and scripts/wheel-smoke: how this project installs Python packages.
# uv installs the test environment, bytecode compiled, in about 25 s where pip took about 50
# (the wheel smoke's fresh venv: 1 s against most of its 60 CPU-s), so it is tried first; pip
# stays the fallback for a machine where uv cannot be had or cannot reach the index pip is
# configured for.

# This machine's pip configuration names index folders it lacks, and pip warns of each one.
_quiet_pip_warnings() { grep -v "is neither a file nor a directory" >&2 || true; }

# ensure_uv VENV: install uv into VENV (quietly; a failure only means pip does the work).
ensure_uv() {
  [ -x "$1/bin/uv" ] || "$1/bin/python" -m pip install --quiet --disable-pip-version-check uv \
    >/dev/null 2>&1 || true
}

# install compile|no-compile UV VENV ARGS...: pip-install ARGS into VENV, with the uv at UV
# when it works. `compile` writes the bytecode now: the test run starts a dozen Python
# processes at once, and each compiled what it imported (7 CPU-s) until one had written it.
install() {
  local compile=$1 uv=$2 venv=$3
  shift 3
  local uv_compile=() pip_compile=(--no-compile)
  [ "$compile" = compile ] && uv_compile=(--compile-bytecode) && pip_compile=()
  if [ -x "$uv" ] && "$uv" pip install --quiet "${uv_compile[@]}" --python "$venv/bin/python" "$@"
  then
    return 0
  fi
  [ -x "$uv" ] && echo "uv could not install $*; pip does" >&2
  "$venv/bin/python" -m pip --version >/dev/null 2>&1 || "$venv/bin/python" -m ensurepip >/dev/null
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pip_compile[@]}" "$@" \
    2> >(_quiet_pip_warnings)
}
