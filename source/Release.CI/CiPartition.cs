using System.Globalization;
using Release.Engine;

namespace Release.CI;

/// <summary>One partition of a partitioned job: number <see cref="Index"/> (1-based) of <see cref="Total"/>.</summary>
/// <param name="Index">1-based partition number.</param>
/// <param name="Total">Number of partitions.</param>
public sealed record CiPartition(int Index, int Total)
{
    /// <summary>The whole work, for runs outside a partitioned job.</summary>
    public static CiPartition Whole { get; } = new(1, 1);

    /// <summary>Parses <c>N/TOTAL</c>; null or empty means <see cref="Whole"/>.</summary>
    public static CiPartition Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Whole;
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var total) && index >= 1 && index <= total)
            return new CiPartition(index, total);
        throw new BuildInputException($"--partition takes N/TOTAL with 1 <= N <= TOTAL, like 2/3; got '{text}'.");
    }

    /// <summary>This partition's share of <paramref name="items"/>: every Total-th item, starting at Index.</summary>
    public IEnumerable<T> Select<T>(IEnumerable<T> items) => items.Where((_, i) => i % Total == Index - 1);
}
