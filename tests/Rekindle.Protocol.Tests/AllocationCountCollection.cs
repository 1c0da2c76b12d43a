namespace Rekindle.Protocol.Tests;

/// <summary>Runs its tests alone: their allocation counts are the whole process's, so no other test may run beside them.</summary>
[CollectionDefinition(nameof(AllocationCountCollection), DisableParallelization = true)]
public sealed class AllocationCountCollection;
