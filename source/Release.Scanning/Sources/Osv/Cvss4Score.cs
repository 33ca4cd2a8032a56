namespace Release.Scanning.Sources.Osv;

/// <summary>
/// The CVSS v4.0 score of a vector, computed as the specification (FIRST, CVSS v4.0, section 8) defines it: the vector's
/// MacroVector (equivalence classes EQ1..EQ6) gives the score of its most severe vectors from FIRST's table
/// (<see cref="Cvss4MacroVectorScores"/>); the score is lowered by the mean, over the equivalence classes that have a
/// next-lower MacroVector, of (score gap to that MacroVector) x (the vector's severity distance from the class's most
/// severe vectors / the class's depth), then rounded to one decimal. Threat (E) and environmental metrics (CR/IR/AR
/// and the modified M* metrics) take part when the vector carries them; absent or X they take the spec's defaults
/// (E:A, CR/IR/AR:H, modified = base). Supplemental metrics do not change the score and are ignored.
/// </summary>
internal static class Cvss4Score
{
    private static readonly string[] BaseMetrics = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];

    // Severity level of each value in tenths (0 = most severe), per metric, for the severity distance.
    private static readonly Dictionary<string, Dictionary<string, int>> Levels = new()
    {
        ["AV"] = new() { ["N"] = 0, ["A"] = 1, ["L"] = 2, ["P"] = 3 },
        ["PR"] = new() { ["N"] = 0, ["L"] = 1, ["H"] = 2 },
        ["UI"] = new() { ["N"] = 0, ["P"] = 1, ["A"] = 2 },
        ["AC"] = new() { ["L"] = 0, ["H"] = 1 },
        ["AT"] = new() { ["N"] = 0, ["P"] = 1 },
        ["VC"] = new() { ["H"] = 0, ["L"] = 1, ["N"] = 2 },
        ["VI"] = new() { ["H"] = 0, ["L"] = 1, ["N"] = 2 },
        ["VA"] = new() { ["H"] = 0, ["L"] = 1, ["N"] = 2 },
        ["SC"] = new() { ["H"] = 1, ["L"] = 2, ["N"] = 3 },
        ["SI"] = new() { ["S"] = 0, ["H"] = 1, ["L"] = 2, ["N"] = 3 },
        ["SA"] = new() { ["S"] = 0, ["H"] = 1, ["L"] = 2, ["N"] = 3 },
        ["CR"] = new() { ["H"] = 0, ["M"] = 1, ["L"] = 2 },
        ["IR"] = new() { ["H"] = 0, ["M"] = 1, ["L"] = 2 },
        ["AR"] = new() { ["H"] = 0, ["M"] = 1, ["L"] = 2 },
    };

    // The most severe vectors of each class level (spec: "highest severity vectors" of a MacroVector).
    private static readonly string[][] Eq1Max
        = [["AV:N/PR:N/UI:N"], ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"]];
    private static readonly string[][] Eq2Max = [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]];
    private static readonly Dictionary<(int Eq3, int Eq6), string[]> Eq3Eq6Max = new()
    {
        [(0, 0)] = ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"],
        [(0, 1)] = ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"],
        [(1, 0)] = ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
        [(1, 1)] =
        [
            "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
            "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M",
        ],
        [(2, 1)] = ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"],
    };
    private static readonly string[][] Eq4Max = [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]];

    // Depth of each class level in severity-distance steps (spec: "maximal severity distance" + 1).
    private static readonly int[] Eq1Depth = [1, 4, 5];
    private static readonly int[] Eq2Depth = [1, 2];
    private static readonly Dictionary<(int Eq3, int Eq6), int> Eq3Eq6Depth = new()
    {
        [(0, 0)] = 7, [(0, 1)] = 6, [(1, 0)] = 8, [(1, 1)] = 8, [(2, 1)] = 10,
    };
    private static readonly int[] Eq4Depth = [6, 5, 4];

    /// <summary>The score from 0.0 to 10.0, or null when the text is not a complete, valid CVSS:4.0 vector.</summary>
    public static double? Compute(string vector)
    {
        if (Parse(vector) is not { } metrics) return null;
        string M(string name) => Effective(metrics, name);
        if (new[] { "VC", "VI", "VA", "SC", "SI", "SA" }.All(n => M(n) == "N")) return 0.0;

        var eq = MacroVector(M);
        var macro = string.Concat(eq);
        var value = Cvss4MacroVectorScores.Table[macro];

        // Severity distance from the first most-severe vector the scored vector does not exceed.
        var candidates =
            from e1 in Eq1Max[eq[0]]
            from e2 in Eq2Max[eq[1]]
            from e36 in Eq3Eq6Max[(eq[2], eq[5])]
            from e4 in Eq4Max[eq[3]]
            select Parse($"{e1}/{e2}/{e36}/{e4}", requireBase: false)!;
        Dictionary<string, int> distance = [];
        foreach (var max in candidates)
        {
            distance = Levels.Keys.ToDictionary(n => n, n => Levels[n][M(n)] - Levels[n][max[n]]);
            if (distance.Values.All(d => d >= 0)) break;
        }

        var lowered = new List<double>();
        void Lower(double? next, int steps, int depth)
        {
            if (next is { } score) lowered.Add((value - score) * steps / depth);
        }
        Lower(Score(eq, 0, 1), distance["AV"] + distance["PR"] + distance["UI"], Eq1Depth[eq[0]]);
        Lower(Score(eq, 1, 1), distance["AC"] + distance["AT"], Eq2Depth[eq[1]]);
        Lower(NextLowerEq3Eq6(eq), new[] { "VC", "VI", "VA", "CR", "IR", "AR" }.Sum(n => distance[n]), Eq3Eq6Depth[(eq[2], eq[5])]);
        Lower(Score(eq, 3, 1), distance["SC"] + distance["SI"] + distance["SA"], Eq4Depth[eq[3]]);
        // EQ5 (exploit maturity) has no depth: its next-lower MacroVector counts in the mean with a zero distance.
        if (Score(eq, 4, 1) is not null) lowered.Add(0);

        var result = Math.Clamp(value - (lowered.Count == 0 ? 0 : lowered.Average()), 0, 10);
        return Math.Round(result * 10, MidpointRounding.AwayFromZero) / 10;
    }

    // EQ3 and EQ6 move together: 00 has two next-lower MacroVectors (the higher-scoring one counts), 01 and 11 lower EQ3,
    // 10 lowers EQ6, 21 has none.
    private static double? NextLowerEq3Eq6(int[] eq) => (eq[2], eq[5]) switch
    {
        (0, 0) => new[] { Score(eq, 5, 1), Score(eq, 2, 1) }.Max(),
        (1, 0) => Score(eq, 5, 1),
        (2, 1) => null,
        _ => Score(eq, 2, 1),
    };

    private static double? Score(int[] eq, int index, int step)
    {
        var next = (int[])eq.Clone();
        next[index] += step;
        return Cvss4MacroVectorScores.Table.TryGetValue(string.Concat(next), out var score) ? score : null;
    }

    private static int[] MacroVector(Func<string, string> m)
    {
        var eq1 = m("AV") == "N" && m("PR") == "N" && m("UI") == "N" ? 0
            : (m("AV") == "N" || m("PR") == "N" || m("UI") == "N") && m("AV") != "P" ? 1 : 2;
        var eq2 = m("AC") == "L" && m("AT") == "N" ? 0 : 1;
        var eq3 = m("VC") == "H" && m("VI") == "H" ? 0 : m("VC") == "H" || m("VI") == "H" || m("VA") == "H" ? 1 : 2;
        var eq4 = m("MSI") == "S" || m("MSA") == "S" ? 0 : m("SC") == "H" || m("SI") == "H" || m("SA") == "H" ? 1 : 2;
        var eq5 = m("E") switch { "A" => 0, "P" => 1, _ => 2 };
        var eq6 = (m("CR") == "H" && m("VC") == "H") || (m("IR") == "H" && m("VI") == "H") || (m("AR") == "H" && m("VA") == "H") ? 0 : 1;
        return [eq1, eq2, eq3, eq4, eq5, eq6];
    }

    // The value a metric takes in scoring: threat and requirement defaults, then a modified metric over its base metric.
    private static string Effective(IReadOnlyDictionary<string, string> metrics, string name)
    {
        var given = metrics.GetValueOrDefault(name, "X");
        if (name == "E") return given == "X" ? "A" : given;
        if (name is "CR" or "IR" or "AR") return given == "X" ? "H" : given;
        if (name is "MSI" or "MSA") return given;
        return metrics.GetValueOrDefault("M" + name, "X") is var modified && modified != "X" ? modified : given;
    }

    private static Dictionary<string, string>? Parse(string vector, bool requireBase = true)
    {
        var parts = vector.Split('/');
        if (requireBase && (parts.Length == 0 || parts[0] != "CVSS:4.0")) return null;
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in requireBase ? parts[1..] : parts)
        {
            var pair = part.Split(':');
            if (pair.Length != 2 || !metrics.TryAdd(pair[0], pair[1])) return null;
        }

        if (!requireBase) return metrics;
        foreach (var name in BaseMetrics)
            if (!metrics.TryGetValue(name, out var value) || !IsValid(name, value)) return null;
        foreach (var (name, value) in metrics)
        {
            var baseName = name.StartsWith('M') && name.Length > 1 && BaseMetrics.Contains(name[1..]) ? name[1..] : null;
            if (baseName is not null && value != "X" && !(IsValid(baseName, value) || (baseName is "SI" or "SA" && value == "S"))) return null;
            if (name is "CR" or "IR" or "AR" && value is not ("X" or "H" or "M" or "L")) return null;
            if (name == "E" && value is not ("X" or "A" or "P" or "U")) return null;
        }
        return metrics;
    }

    // Base metric values; "S" (safety) exists only for the modified subsequent-system metrics.
    private static bool IsValid(string name, string value) => Levels.TryGetValue(name, out var levels) && levels.ContainsKey(value) && value != "S";
}
