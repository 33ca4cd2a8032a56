namespace Release.Tooling.DotNet;

/// <summary>Small helpers shared by the dotnet settings for options that several commands have.</summary>
internal static class DotNetArguments
{
    public static void AddOption(this List<string> arguments, string option, string? value)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length == 0)
        {
            throw new ArgumentException($"The value for dotnet option '{option}' is empty; leave it null to omit the option.", option);
        }
        arguments.Add(option);
        arguments.Add(value);
    }

    public static void AddFlag(this List<string> arguments, string flag, bool enabled)
    {
        if (enabled)
        {
            arguments.Add(flag);
        }
    }

    public static void AddVerbosity(this List<string> arguments, DotNetVerbosity? verbosity)
    {
        if (verbosity is { } level)
        {
            arguments.Add("--verbosity");
            arguments.Add(level.ToString().ToLowerInvariant());
        }
    }

    public static void AddProject(this List<string> arguments, string? project)
    {
        if (project is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(project, "Project");
            arguments.Add(project);
        }
    }
}
