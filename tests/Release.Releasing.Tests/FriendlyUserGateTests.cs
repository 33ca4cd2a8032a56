using Release.Releasing.Tests.Support;

namespace Release.Releasing.Tests;

/// <summary>
/// The friendly-user step end to end (real signed records, real GitOps repositories, real registry): a release reaches
/// friendly-user without a vote, is blessed by the four roles, and still cannot reach production until the product
/// owner's signed Go is recorded at friendly-user.
/// </summary>
[NonParallelizable]
public class FriendlyUserGateTests : RegistryTestBase
{
    private static Task<BuildRun> RunAsync(ReleaseWorld world, params string[] args) => world.RunAsync<FriendlyUserReleaseBuild>(new WorldRun(), args);

    [Test]
    public async Task Production_needs_the_product_owners_Go_at_friendly_user()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await world.OpenAsync();
        await world.StageOutputsAsync("image one");
        (await RunAsync(world, "ReleaseNotes", "QualityGate")).Succeeded();
        (await RunAsync(world, "Promote", "--release", "0.1.0", "--to", "staging,pre-prod,friendly-user", "--voter", "ops@example.com")).Succeeded();
        Assert.That(await world.GitopsFileAsync(world.Environments, "friendly-user", "values-configmap.yaml"), Does.Contain(world.PushedDigest));
        await world.VoteAndAttestAsync("0.1.0");
        (await RunAsync(world, "Bless", "--release", "0.1.0", "--voter", "lead@example.com")).Succeeded();

        (await RunAsync(world, "Promote", "--release", "0.1.0", "--to", "production", "--voter", "ops@example.com"))
            .Refused("'production' needs the Go at 'friendly-user' first (ProductManagement)",
                "./build.sh Vote --release 0.1.0 --environment friendly-user --role ROLE --decision go");

        (await RunAsync(world, "Vote", "--release", "0.1.0", "--environment", "friendly-user", "--role", "product-management", "--decision", "go",
            "--reason", "the friendly users liked it", "--voter", "pm@example.com")).Succeeded();
        (await RunAsync(world, "Promote", "--release", "0.1.0", "--to", "production", "--voter", "ops@example.com")).Succeeded();
        Assert.That(await world.GitopsFileAsync(world.Production, "production", "values-configmap.yaml"), Does.Contain("production/director"));
    }

    [Test]
    public void The_gate_is_the_product_owners_alone_and_guards_production()
    {
        var gate = Process.Approvals.FriendlyUserGate.ProductOwnerGo();
        Assert.That((gate.Environment, gate.Guards, gate.Window), Is.EqualTo(("friendly-user", "production", (Process.Approvals.VotingWindow?)null)));
        Assert.That(gate.RequiredRoles, Is.EqualTo(new[] { Process.Approvals.ApprovalRole.ProductManagement }));
        Assert.That(() => Process.Approvals.FriendlyUserGate.ProductOwnerGo("production", "production"), Throws.ArgumentException);
    }
}
