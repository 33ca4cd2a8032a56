using Release.Engine.Parameters;

namespace Release.Engine.Hosting;

/// <summary>
/// The command line split into targets, engine options and parameter arguments.
/// Targets come first (or after <c>--target</c>); every <c>--name</c> takes the words after it until the next option.
/// </summary>
public sealed record BuildArguments
{
    /// <summary>Targets to run; empty means the default target.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
    /// <summary><c>--help</c> / <c>-h</c>.</summary>
    public bool Help { get; init; }
    /// <summary><c>--plan</c>: print the plan without running.</summary>
    public bool PlanOnly { get; init; }
    /// <summary><c>--force</c>: ignore incremental state.</summary>
    public bool Force { get; init; }
    /// <summary><c>--skip</c> given with no names: skip everything but the invoked targets.</summary>
    public bool SkipAllButInvoked { get; init; }
    /// <summary><c>--skip A B</c>: targets to skip.</summary>
    public IReadOnlyList<string> Skip { get; init; } = [];
    /// <summary><c>--max-parallel N</c>.</summary>
    public int? MaxParallel { get; init; }
    /// <summary><c>--profile NAME</c>: also read <c>.nuke/parameters.NAME.json</c>.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];
    /// <summary><c>--root DIR</c>.</summary>
    public string? Root { get; init; }
    /// <summary>Every other <c>--name values</c>, keyed by normalised name.</summary>
    public IReadOnlyDictionary<string, (string Spelling, IReadOnlyList<string> Values)> Parameters { get; init; } =
        new Dictionary<string, (string, IReadOnlyList<string>)>();

    /// <summary>Parses the command line; malformed engine options are errors naming the option.</summary>
    public static BuildArguments Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var options = new List<(string Spelling, List<string> Values)>();
        foreach (var arg in args)
        {
            if (arg is "-h" or "-?") options.Add(("--help", []));
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var equals = arg.IndexOf('=');
                options.Add(equals > 0 ? (arg[..equals], [arg[(equals + 1)..]]) : (arg, []));
            }
            else if (options.Count == 0) targets.Add(arg);
            else options[^1].Values.Add(arg);
        }

        var result = new BuildArguments();
        var parameters = new Dictionary<string, (string, IReadOnlyList<string>)>();
        foreach (var (spelling, values) in options)
        {
            switch (NameMatching.Normalize(spelling))
            {
                case "help": result = result with { Help = true }; break;
                case "plan": result = result with { PlanOnly = true }; break;
                case "force": result = result with { Force = true }; break;
                case "target": targets.AddRange(values); break;
                case "skip": result = values.Count == 0 ? result with { SkipAllButInvoked = true } : result with { Skip = [.. result.Skip, .. values] }; break;
                case "profile": result = result with { Profiles = [.. result.Profiles, .. Required(spelling, values, "a profile name")] }; break;
                case "root": result = result with { Root = Single(spelling, values, "a directory") }; break;
                case "maxparallel":
                    var text = Single(spelling, values, "a number of targets");
                    result = result with { MaxParallel = int.TryParse(text, out var n) && n > 0 ? n : throw new BuildInputException($"{spelling} takes a whole number of at least 1, not '{text}'.") };
                    break;
                default:
                    parameters[NameMatching.Normalize(spelling)] = (spelling, values);
                    break;
            }
        }
        return result with { Targets = targets, Parameters = parameters };
    }

    private static IReadOnlyList<string> Required(string option, List<string> values, string what) =>
        values.Count > 0 ? values : throw new BuildInputException($"{option} needs {what}: {option} <value>.");

    private static string Single(string option, List<string> values, string what) =>
        values.Count == 1 ? values[0] : throw new BuildInputException($"{option} takes exactly one value ({what}); got {values.Count}.");
}
