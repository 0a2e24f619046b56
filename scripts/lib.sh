# Shared by the benchmark and evaluation scripts (source it).

# pdftotext is the peer of the comparisons, never a dependency of referat itself.
ensure_poppler() {
    command -v pdftotext >/dev/null && return
    echo "installing poppler-utils (for the comparison only)" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq poppler-utils >/dev/null; fi
}

# The peer and a release build of referat, for a comparison: sets BIN.
peer_and_referat() {
    ensure_poppler
    cargo build --release -q
    BIN=target/release/referat
}
