#!/usr/bin/env bash
# Rewrites the PublicAPI.Unshipped.txt files of the packaged projects from their code, so that a change
# of the public surface shows up in review as a diff of those files (Microsoft.CodeAnalysis.PublicApiAnalyzers
# fails the build on any public member missing from them, RS0016, or listed but gone, RS0017).
# Usage: build/public-api.sh [project name...]   (default: all three)
set -euo pipefail
cd "$(dirname "$0")/.."
export MSBUILDDISABLENODEREUSE=1
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(Rekindle Rekindle.Redis Rekindle.Testing)
for project in "${projects[@]}"; do
    folder="src/$project"
    # Start from an empty list: the code fix adds every public member not listed in Shipped, and lines of
    # removed members cannot linger.
    echo '#nullable enable' > "$folder/PublicAPI.Unshipped.txt"
    dotnet format analyzers "$folder/$project.csproj" --diagnostics RS0016 RS0037 --severity warn -v q
    # The code fix appends; sort for stable, reviewable diffs (the header stays first).
    { head -n 1 "$folder/PublicAPI.Unshipped.txt"; tail -n +2 "$folder/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } > "$folder/PublicAPI.Unshipped.sorted"
    mv "$folder/PublicAPI.Unshipped.sorted" "$folder/PublicAPI.Unshipped.txt"
    echo "$folder/PublicAPI.Unshipped.txt: $(($(wc -l < "$folder/PublicAPI.Unshipped.txt") - 1)) members"
done
