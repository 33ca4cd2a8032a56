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
    /// <summary><c>--verbose</c>: also print what is meant for whoever debugs the build (a failure's exception type and stack).</summary>
    public bool Verbose { get; init; }
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
        // Plain locals and lists, no record copies or tuple lists: this runs first in every start, when every new type
        // and method still costs its first-use price.
        var targets = new List<string>();
        var spellings = new List<string>();
        var valueLists = new List<List<string>>();
        foreach (var arg in args)
        {
            if (arg is "-h" or "-?") { spellings.Add("--help"); valueLists.Add([]); }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var equals = arg.IndexOf('=');
                spellings.Add(equals > 0 ? arg[..equals] : arg);
                valueLists.Add(equals > 0 ? [arg[(equals + 1)..]] : []);
            }
            else if (spellings.Count == 0) targets.Add(arg);
            else valueLists[^1].Add(arg);
        }

        bool help = false, planOnly = false, force = false, verbose = false, skipAllButInvoked = false;
        var skip = new List<string>();
        var profiles = new List<string>();
        string? root = null;
        int? maxParallel = null;
        var parameters = new Dictionary<string, (string, IReadOnlyList<string>)>();
        for (var i = 0; i < spellings.Count; i++)
        {
            var (spelling, values) = (spellings[i], valueLists[i]);
            switch (NameMatching.Normalize(spelling))
            {
                case "help": help = Flag(spelling, values, targets.Count == 0); break;
                case "plan": planOnly = Flag(spelling, values, targets.Count == 0); break;
                case "force": force = Flag(spelling, values, targets.Count == 0); break;
                case "verbose": verbose = Flag(spelling, values, targets.Count == 0); break;
                case "target": targets.AddRange(values); break;
                case "skip":
                    if (values.Count == 0) skipAllButInvoked = true;
                    else skip.AddRange(values);
                    break;
                case "profile": profiles.AddRange(Required(spelling, values, "a profile name")); break;
                case "root": root = Single(spelling, values, "a directory"); break;
                case "maxparallel":
                    var text = Single(spelling, values, "a number of targets");
                    maxParallel = int.TryParse(text, out var n) && n > 0
                        ? n
                        : throw new BuildInputException($"{spelling} takes a whole number of at least 1, not '{text}'.");
                    break;
                default:
                    parameters[NameMatching.Normalize(spelling)] = (spelling, values);
                    break;
            }
        }
        return new BuildArguments
        {
            Targets = targets, Help = help, PlanOnly = planOnly, Force = force, Verbose = verbose, SkipAllButInvoked = skipAllButInvoked, Skip = skip,
            MaxParallel = maxParallel, Profiles = profiles, Root = root, Parameters = parameters,
        };
    }

    /// <summary>
    /// A switch: a word after it would otherwise be dropped without a trace (<c>--plan Chart</c> planning the default
    /// target), so it is refused with the order that does what was meant.
    /// </summary>
    private static bool Flag(string option, List<string> values, bool noTargetsYet) =>
        values.Count == 0 ? true : throw new BuildInputException(
            $"{option} takes no value, so '{values[0]}' after it means nothing. Target names come first: " +
            $"./build.sh {string.Join(' ', values)} {option}" + (noTargetsYet ? "" : " (with the targets already named)") + ".");

    private static IReadOnlyList<string> Required(string option, List<string> values, string what) =>
        values.Count > 0 ? values : throw new BuildInputException($"{option} needs {what}: {option} <value>.");

    private static string Single(string option, List<string> values, string what) =>
        values.Count == 1 ? values[0] : throw new BuildInputException($"{option} takes exactly one value ({what}); got {values.Count}.");
}
