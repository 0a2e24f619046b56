# Shared by the benchmark and evaluation scripts (source it).

# The peers of the comparisons (pdftotext; mutool as a second witness), never
# dependencies of referat itself.
ensure_tool() { # ensure_tool COMMAND DEBIAN-PACKAGE
    command -v "$1" >/dev/null && return
    echo "installing $2 (for the comparison only)" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq "$2" >/dev/null; fi
}
ensure_poppler() { ensure_tool pdftotext poppler-utils; }

# The peer and a release build of referat, for a comparison: sets BIN.
peer_and_referat() {
    ensure_poppler
    cargo build --release -q
    BIN=target/release/referat
}
