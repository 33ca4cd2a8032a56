using Release.Benchmarks;

// Benchmarks print figures and ratios measured in the same run, never pass/fail on timing.
//   dotnet run -c Release --project benchmarks/Release.Benchmarks -- engine
//   dotnet run -c Release --project benchmarks/Release.Benchmarks -- startup <repository root>
//   dotnet run -c Release --project benchmarks/Release.Benchmarks -- history
return args.FirstOrDefault() switch
{
    "engine" => await EngineBenchmark.RunAsync(),
    "startup" => await StartupBenchmark.RunAsync(args.ElementAtOrDefault(1) ?? Directory.GetCurrentDirectory()),
    "history" => await HistoryBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Release.Benchmarks engine | startup <repository root> | history");
    return 2;
}
