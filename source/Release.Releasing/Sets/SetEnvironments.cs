using Release.Delivery.Deploy;
using Release.Engine;

namespace Release.Releasing.Sets;

/// <summary>
/// Checks, before anything is copied or deployed, that every environment a set command acts on is declared in
/// <see cref="IDeploy.Environments"/> (its deployer deploys the set) and that environments taking only blessed releases
/// are changed through GitOps (a commit naming every module's version and digests, and who), as the one-module
/// <see cref="Promotion.DeclaredEnvironmentDeployer"/> requires.
/// </summary>
internal static class SetEnvironments
{
    /// <exception cref="BuildInputException">An environment is not declared, or a production-like one is not GitOps; the message says how
    /// to fix it.</exception>
    public static void Check(IReleaseSets build, string command, IEnumerable<string> environments, Func<string, bool> requiresBlessing)
    {
        var declared = build.Environments.ToList();
        var problems = new List<string>();
        foreach (var name in environments)
        {
            var environment = declared.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
            if (environment is null)
                problems.Add($"environment '{name}' of the promotion chain is not declared in IDeploy.Environments (declared: " +
                             $"{string.Join(", ", declared.Select(e => e.Name))}), so no deployer deploys it. Declare it in the build class, e.g. " +
                             $"new EnvironmentDefinition(\"{name}\", Deployers.GitOps, \"NAMESPACE\", \"main\").");
            else if (requiresBlessing(name) && environment.Deployer != Deployers.GitOps)
                problems.Add($"environment '{name}' takes only blessed releases and is changed only through GitOps, but it is declared with the " +
                             $"'{environment.Deployer}' deployer. Declare it with Deployers.GitOps in IDeploy.Environments.");
        }
        if (problems.Count > 0) throw new BuildInputException($"{command}:\n- " + string.Join("\n- ", problems));
    }
}
