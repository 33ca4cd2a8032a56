using System.Text.Json;
using Release.Scanning.Model;

namespace Release.Scanning.Sources.Osv;

/// <summary>
/// Derives a severity from a CVSS vector, for OSV documents that carry only
/// <c>severity[{type: "CVSS_V3" or "CVSS_V4", score: "CVSS:3.1/AV:N/..." or "CVSS:4.0/AV:N/..."}]</c> and no textual
/// severity: v3.x by the FIRST CVSS 3.1 base-score equations, v4.0 by the v4.0 MacroVector scoring
/// (<see cref="Cvss4Score"/>); either score maps to the qualitative rating both specifications share.
/// </summary>
public static class CvssSeverity
{
    /// <summary>The highest severity among the CVSS_V3 and CVSS_V4 entries of an OSV <c>severity</c> array; null when none can be read.</summary>
    /// <param name="scores">The OSV <c>severity</c> array.</param>
    public static Severity? FromOsvSeverityArray(JsonElement scores)
    {
        if (scores.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        Severity? highest = null;
        foreach (var score in scores.EnumerateArray())
        {
            if (score.ValueKind == JsonValueKind.Object
                && score.TryGetProperty("type", out var type) && type.GetString() is "CVSS_V3" or "CVSS_V4"
                && score.TryGetProperty("score", out var vector) && vector.ValueKind == JsonValueKind.String
                && (type.GetString() == "CVSS_V4" ? V4Score(vector.GetString()!) : BaseScore(vector.GetString()!)) is { } value)
            {
                var severity = FromScore(value);
                highest = highest is null || severity > highest ? severity : highest;
            }
        }

        return highest;
    }

    /// <summary>Maps a CVSS score to the qualitative rating (0.1-3.9 Low, 4.0-6.9 Medium, 7.0-8.9 High, 9.0+ Critical).</summary>
    /// <param name="score">A base score from 0.0 to 10.0.</param>
    public static Severity FromScore(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        > 0.0 => Severity.Low,
        _ => Severity.Unknown,
    };

    /// <summary>The CVSS v4.0 score of a vector, or null when the vector is not a complete, valid CVSS:4.0 vector.</summary>
    /// <param name="vector">e.g. "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" (9.3).</param>
    public static double? V4Score(string vector) => Cvss4Score.Compute(vector);

    /// <summary>The CVSS 3.x base score of a vector, or null when the vector is not a complete CVSS 3 base vector.</summary>
    /// <param name="vector">e.g. "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H".</param>
    public static double? BaseScore(string vector)
    {
        var metrics = vector.Split('/')
            .Select(part => part.Split(':'))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        if (!metrics.TryGetValue("CVSS", out var version) || !version.StartsWith('3'))
        {
            return null;
        }

        var changed = metrics.GetValueOrDefault("S") == "C";
        double? av = metrics.GetValueOrDefault("AV") switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = metrics.GetValueOrDefault("AC") switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = metrics.GetValueOrDefault("PR") switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, "H" => changed ? 0.5 : 0.27, _ => null };
        double? ui = metrics.GetValueOrDefault("UI") switch { "N" => 0.85, "R" => 0.62, _ => null };
        double? c = Impact(metrics.GetValueOrDefault("C"));
        double? i = Impact(metrics.GetValueOrDefault("I"));
        double? a = Impact(metrics.GetValueOrDefault("A"));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null || !metrics.ContainsKey("S"))
        {
            return null;
        }

        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0)
        {
            return 0.0;
        }

        return RoundUp(Math.Min((changed ? 1.08 : 1.0) * (impact + exploitability), 10.0));
    }

    private static double? Impact(string? value) => value switch { "H" => 0.56, "L" => 0.22, "N" => 0.0, _ => null };

    // CVSS 3.1 "Roundup": smallest one-decimal number >= input, computed on integers to avoid float artefacts.
    private static double RoundUp(double value)
    {
        var scaled = (long)Math.Round(value * 100000);
        return scaled % 10000 == 0 ? scaled / 100000.0 : (Math.Floor(scaled / 10000.0) + 1) / 10.0;
    }
}
