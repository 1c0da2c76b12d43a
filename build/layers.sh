#!/usr/bin/env bash
# Prints which folder of src/Rekindle uses which (from the compiled assembly, method bodies
# included) and fails on a cycle or on a folder using one of its own or a higher layer: the
# architecture tests of tests/Rekindle.Tests/Architecture, whose LayerTests.Layers is the order.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Rekindle.Tests -nologo -v:quiet >/dev/null
dotnet test tests/Rekindle.Tests --no-build -nologo --filter "FullyQualifiedName~Rekindle.Tests.Architecture" \
  --logger "console;verbosity=detailed" | sed -n '/ -> /p;/Test Run\|use a folder/p'
