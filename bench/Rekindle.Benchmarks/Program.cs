using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Rekindle.Benchmarks -- --filter '*'
// Each class uses a short job (BenchConfig) so a full run takes minutes.
BenchmarkSwitcher.FromAssembly(typeof(Rekindle.Benchmarks.BenchConfig).Assembly).Run(args, new Rekindle.Benchmarks.BenchConfig());
