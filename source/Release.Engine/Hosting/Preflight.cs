using System.Reflection;
using Release.Engine.Parameters;
using Release.Engine.Planning;

namespace Release.Engine.Hosting;

/// <summary>What is decided after planning and before anything runs: skips, static conditions and requirements.</summary>
internal static class Preflight
{
    public static IReadOnlyDictionary<ExecutableTarget, string> DecideSkips(
        IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget> all, BuildArguments arguments, IReadOnlyList<string> invoked)
    {
        var skipped = new Dictionary<ExecutableTarget, string>();
        foreach (var name in arguments.Skip)
        {
            var target = ExecutionPlanner.Find(all, name);
            if (plan.Contains(target)) skipped[target] = "--skip";
        }
        if (arguments.SkipAllButInvoked)
            foreach (var target in plan.Where(t => !invoked.Contains(t.Name)))
                skipped[target] = "--skip";

        foreach (var target in plan.Where(t => !skipped.ContainsKey(t)))
        {
            var failed = target.Definition.StaticConditions.FirstOrDefault(c => !c.Evaluate());
            if (failed is not null) skipped[target] = $"condition false: {failed.Text}";
        }

        // WhenSkipped(Skip): a dependency goes too, once nothing that still runs needs it; the cascade continues down.
        var needersOf = plan.ToDictionary(t => t, _ => new List<ExecutableTarget>());
        foreach (var target in plan)
            foreach (var dependency in target.Dependencies)
                needersOf[dependency].Add(target);
        var cascading = plan.Where(t => skipped.ContainsKey(t) && t.Definition.SkippedDependencyBehavior == DependencyBehavior.Skip).ToHashSet();
        bool changed;
        do
        {
            changed = false;
            foreach (var target in plan.Where(t => !skipped.ContainsKey(t) && !invoked.Contains(t.Name)))
            {
                var needers = needersOf[target];
                if (needers.Count == 0 || !needers.All(cascading.Contains)) continue;
                skipped[target] = $"only needed by skipped {string.Join(", ", needers.Select(n => n.Name))}";
                cascading.Add(target);
                changed = true;
            }
        } while (changed);
        return skipped;
    }

    public static async Task CheckRequirementsAsync(
        IBuild build,
        IReadOnlyList<ExecutableTarget> plan,
        IReadOnlyDictionary<ExecutableTarget, string> skipped,
        BuildContext context,
        BuildHostOptions options,
        CancellationToken cancellationToken)
    {
        var parameters = context.Parameters;
        var needed = parameters.Descriptors.Where(d => d.IsRequired).Select(d => (Parameter: d, By: "the build")).ToList();
        var failedConditions = new List<string>();
        foreach (var target in plan.Where(t => !skipped.ContainsKey(t)))
        {
            foreach (var requirement in target.Definition.RequiredParameters)
            {
                var descriptor = parameters.Descriptors.FirstOrDefault(d => d.Name == requirement.MemberName)
                    ?? throw new BuildDefinitionException(
                        $"Target '{target.Name}' requires '{requirement.MemberName}', which is not a [Parameter]. Mark it with [Parameter].");
                needed.Add((descriptor, $"target '{target.Name}'"));
            }
            failedConditions.AddRange(target.Definition.RequiredConditions.Where(c => !c.Evaluate())
                .Select(c => $"Target '{target.Name}' requires {c.Text}, which is false."));
        }

        var interactive = options.Interactive ?? (!Console.IsInputRedirected && !context.Environment.ContainsKey("CI"));
        var missing = new List<string>();
        foreach (var group in needed.Where(n => IsEmpty(n.Parameter.ReadFrom(build))).GroupBy(n => n.Parameter))
        {
            var parameter = group.Key;
            var answer = interactive ? await AskAsync(parameter, options, cancellationToken).ConfigureAwait(false) : null;
            if (!string.IsNullOrWhiteSpace(answer)) // a blank answer is no value, as a blank parameter is
            {
                if (parameter.IsSecret) context.Secrets.Add(answer);
                var value = ValueConverter.Convert(new RawValue([answer], "the prompt"), parameter.Type, parameter.Name, context.RootDirectory);
                ParameterValidator.Check(parameter, value, "the prompt");
                parameters.Set(parameter.Name, value, "the prompt");
                if (parameter.IsInjectable) parameter.WriteTo(build, value);
                continue;
            }
            missing.Add($"Parameter '{parameter.Name}' is required by {string.Join(" and ", group.Select(g => g.By).Distinct())} but has no value. " +
                        $"Give it with {parameter.ArgumentName} <value>, the environment variable {parameter.EnvironmentName}, " +
                        $"or \"{parameter.Name}\" in .nuke/parameters.json (or in .nuke/parameters.<profile>.json with --profile <profile>).");
        }
        var problems = missing.Concat(failedConditions).ToList();
        if (problems.Count > 0) throw new BuildInputException(string.Join(Environment.NewLine, problems));
    }

    private static bool IsEmpty(object? value) => value is null || value is string { Length: 0 } || value is Array { Length: 0 };

    private static async Task<string?> AskAsync(ParameterDescriptor parameter, BuildHostOptions options, CancellationToken cancellationToken)
    {
        if (options.Prompt is not null) return await options.Prompt(parameter.Name, parameter.IsSecret, cancellationToken).ConfigureAwait(false);
        Console.Write($"{parameter.Name}{(parameter.Description is null ? "" : $" ({parameter.Description})")}: ");
        return parameter.IsSecret ? ReadHidden() : await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReadHidden()
    {
        var text = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            if (key.Key == ConsoleKey.Backspace && text.Length > 0) text.Length--;
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        Console.WriteLine();
        return text.ToString();
    }

}
