using System.Diagnostics;

namespace Release.Benchmarks;

/// <summary>Runs a scenario several times and keeps the median, so one slow run on a busy machine does not decide.</summary>
public static class Measurement
{
    public static async Task<TimeSpan> MedianAsync(int runs, Func<Task> scenario)
    {
        var samples = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await scenario();
            samples.Add(clock.Elapsed);
        }
        return Median(samples);
    }

    public static TimeSpan Median(IReadOnlyList<TimeSpan> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    public static string Format(TimeSpan duration) => $"{duration.TotalMilliseconds,8:0.0} ms";
}
