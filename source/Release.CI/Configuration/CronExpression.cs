using System.Globalization;

namespace Release.CI;

/// <summary>
/// Checks five-field cron expressions (minute hour day-of-month month day-of-week) with the syntax both GitLab and
/// Azure accept: numbers, <c>*</c>, ranges <c>a-b</c>, steps <c>/n</c> and comma lists.
/// </summary>
internal static class CronExpression
{
    private static readonly (string Name, int Min, int Max)[] Fields =
    [
        ("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week (0 = Sunday)", 0, 6),
    ];

    /// <summary>Why <paramref name="cron"/> is not valid, or null when it is.</summary>
    public static string? Problem(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
            return $"it has {fields.Length} field(s); cron needs 5: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\"";
        for (var i = 0; i < 5; i++)
            foreach (var item in fields[i].Split(','))
                if (ItemProblem(item, Fields[i].Min, Fields[i].Max) is { } problem)
                    return $"the {Fields[i].Name} field '{fields[i]}' is invalid: {problem} (allowed: {Fields[i].Min}-{Fields[i].Max}, '*', 'a-b', " +
                        "'/n', lists)";
        return null;
    }

    private static string? ItemProblem(string item, int min, int max)
    {
        var slash = item.Split('/');
        if (slash.Length > 2) return $"'{item}' has more than one '/'";
        if (slash.Length == 2 && (!TryNumber(slash[1], out var step) || step < 1)) return $"step '{slash[1]}' is not a whole number of at least 1";
        var range = slash[0];
        if (range == "*") return null;
        var bounds = range.Split('-');
        if (bounds.Length > 2) return $"'{range}' is not a range";
        foreach (var bound in bounds)
        {
            if (!TryNumber(bound, out var value)) return $"'{bound}' is not a number";
            if (value < min || value > max) return $"{value} is out of range";
        }
        if (bounds.Length == 2 && int.Parse(bounds[0], CultureInfo.InvariantCulture) > int.Parse(bounds[1], CultureInfo.InvariantCulture))
            return $"range '{range}' runs backwards";
        return null;
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
