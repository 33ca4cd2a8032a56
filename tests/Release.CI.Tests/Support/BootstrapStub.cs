using System.Text;
using Release.CI.Planning;
using Release.Engine;

namespace Release.CI.Tests.Support;

/// <summary>
/// A <c>build.sh</c> standing in for the real bootstrap: it parses the same command line (<c>--skip</c>,
/// <c>--partition</c>, <c>--environment</c>; without <c>--skip</c> it runs each target's dependencies first), and for
/// each target it runs checks that the files it consumes are present, writes the files it produces (and any file
/// another target consumes by a path its globs hold), and records what it did in a log outside the repository.
/// A workspace target writes a marker under <c>.nuke/temp/workspace</c> (never an artifact); a target depending on one
/// fails without that marker. A target listed in <c>RELEASE_FAIL</c> fails.
/// </summary>
public static class BootstrapStub
{
    /// <summary>Where a workspace target leaves its marker, like Clone's checkout.</summary>
    public const string WorkspaceDirectory = ".nuke/temp/workspace";

    /// <summary>The concrete file a produced glob stands for: each '*' becomes the target name.</summary>
    public static string FileFor(string glob, string target) => glob.Replace("**", target).Replace("*", target);

    public static string Script(TargetGraph graph, string logFile, IReadOnlyCollection<string>? workspaceTargets = null)
    {
        var workspace = workspaceTargets ?? [];
        var consumedFiles = graph.Targets.SelectMany(t => t.Consumes).Where(g => g.IndexOfAny(['*', '?', '[', '{']) < 0).Distinct().ToList();
        var script = new StringBuilder();
        script.Append("#!/usr/bin/env bash\nset -euo pipefail\n");
        script.Append($"log='{logFile}'\n");
        script.Append("targets=()\nskip=0\nwhile [ $# -gt 0 ]; do\n  case \"$1\" in\n    --skip) skip=1; shift ;;\n    --partition) echo \"$CI_JOB_NAME partition $2\" >> \"$log\"; shift 2 ;;\n    --environment) echo \"$CI_JOB_NAME environment $2\" >> \"$log\"; shift 2 ;;\n    *) targets+=(\"$1\"); shift ;;\n  esac\ndone\n");
        foreach (var target in graph.Targets)
        {
            script.Append($"closure_{Identifier(target.Name)}='{string.Join(' ', RunOrder(graph, target.Name))}'\n");
            script.Append($"run_{Identifier(target.Name)}() {{\n");
            if (!workspace.Contains(target.Name) && graph.Closure([target.Name]).Any(t => workspace.Contains(t.Name)))
                script.Append($"  if [ ! -d '{WorkspaceDirectory}' ]; then echo \"{target.Name}: no workspace\" >&2; echo \"$CI_JOB_NAME {target.Name} had no workspace\" >> \"$log\"; exit 4; fi\n");
            foreach (var link in target.ConsumesArtifacts)
                foreach (var glob in graph.Find(link.Producer)!.Produces)
                    script.Append(Check(target.Name, FileFor(glob, link.Producer)));
            foreach (var file in target.Consumes.Where(consumedFiles.Contains)) script.Append(Check(target.Name, file));
            script.Append($"  if [[ \" ${{RELEASE_FAIL:-}} \" == *\" {target.Name} \"* ]]; then echo \"$CI_JOB_NAME {target.Name} failed\" >> \"$log\"; exit 1; fi\n");
            if (workspace.Contains(target.Name))
                script.Append($"  mkdir -p '{WorkspaceDirectory}'; echo '{target.Name}' > '{WorkspaceDirectory}/{target.Name}'\n");
            var files = target.Produces.Select(g => FileFor(g, target.Name))
                .Concat(consumedFiles.Where(f => target.Produces.Any(g => ArtifactGlobs.CanMatch(g, f))))
                .Distinct();
            foreach (var file in files) script.Append($"  mkdir -p \"$(dirname '{file}')\"; echo '{target.Name}' > '{file}'\n");
            script.Append($"  echo \"$CI_JOB_NAME {target.Name} ran\" >> \"$log\"\n}}\n");
        }
        script.Append("""
            plan=()
            for target in "${targets[@]}"; do
              if [ "$skip" = 1 ]; then list="$target"; else list_var="closure_${target//[^A-Za-z0-9_]/_}"; list="${!list_var}"; fi
              for t in $list; do
                case " ${plan[*]:-} " in *" $t "*) ;; *) plan+=("$t") ;; esac
              done
            done
            for target in "${plan[@]}"; do "run_${target//[^A-Za-z0-9_]/_}"; done

            """);
        return script.ToString();
    }

    /// <summary>A bash name for a target (family members carry a '.'): what the script's dispatch computes at run time.</summary>
    private static string Identifier(string target) => new(target.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());

    private static string Check(string target, string file) =>
        $"  if [ -f '{file}' ]; then echo \"$CI_JOB_NAME {target} saw {file}\" >> \"$log\"; else echo \"{target}: missing {file}\" >&2; exit 3; fi\n";

    /// <summary>The target's closure, each target after what it depends on.</summary>
    private static List<string> RunOrder(TargetGraph graph, string name)
    {
        var order = new List<string>();
        void Visit(string target)
        {
            var node = graph.Find(target)!;
            if (order.Contains(node.Name)) return;
            foreach (var dependency in node.DependsOn) Visit(dependency);
            order.Add(node.Name);
            foreach (var triggered in node.Triggers) Visit(triggered);
        }
        Visit(name);
        return order;
    }
}
