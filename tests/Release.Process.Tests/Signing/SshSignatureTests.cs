using System.Text;
using Release.Process.Approvals;
using Release.Process.Signing;
using Release.Testing;
using Release.Testing.Signing;

namespace Release.Process.Tests.Signing;

/// <summary>In-process SSHSIG verification against OpenSSH's ssh-keygen, in both directions.</summary>
public class SshSignatureTests
{
    private static readonly SshTestKeys Keys = new();

    [OneTimeTearDown]
    public void Cleanup() => Keys.Dispose();

    [TestCase("ed25519")]
    [TestCase("ecdsa")]
    public async Task A_signature_made_by_ssh_keygen_verifies_in_process_and_nothing_else_does(string type)
    {
        var signer = new KeygenSigner(Keys, "dana@example.com", type);
        var message = Encoding.UTF8.GetBytes("release-record/v1\ndirector-1.4.0\n");
        var signature = SshSignature.Parse(await signer.SignAsync(message, "release-record", CancellationToken.None));

        Assert.That(signature.Verify(message, "release-record", [signer.PublicKey]).Key, Is.EqualTo(signer.PublicKey));
        Assert.That(signature.Verify(Encoding.UTF8.GetBytes("release-record/v1\ndirector-1.4.1\n"), "release-record", [signer.PublicKey]).Refusal,
            Does.Contain("does not match the signed content"));
        Assert.That(signature.Verify(message, "git", [signer.PublicKey]).Refusal, Does.Contain("namespace 'release-record', not 'git'"));
        var stranger = new KeygenSigner(Keys, "eve@example.com", type);
        Assert.That(signature.Verify(message, "release-record", [stranger.PublicKey]).Refusal, Does.Contain("not a trusted key"));
    }

    [Test]
    public async Task Ssh_keygen_verifies_what_a_record_event_was_signed_over()
    {
        var signer = new KeygenSigner(Keys, "lead@example.com");
        var record = ReleaseRecord.Create("director-1.4.0", new ReleaseCreated(DateTimeOffset.UnixEpoch, "1.4.0", "main", "abc1234", "rm@example.com", []));
        var signed = await RecordChain.SignAsync(record, 0, signer, CancellationToken.None);
        var created = signed.Events[0];
        using var folder = new TempDirectory("sshsig");
        var allowed = folder.WriteFile("allowed_signers", $"lead@example.com namespaces=\"release-record\" {signer.PublicKey}\n");
        var signatureFile = folder.WriteFile("event.sig", created.Signature!);
        var payload = Encoding.UTF8.GetString(RecordChain.Payload(signed.ReleaseId, created.Previous!, created));

        var output = SshTestKeys.Run("ssh-keygen", ["-Y", "verify", "-f", allowed, "-I", "lead@example.com", "-n", "release-record", "-s", signatureFile], payload);
        Assert.That(output, Does.Contain("Good \"release-record\" signature for lead@example.com"));
        Assert.Throws<InvalidOperationException>(() =>
            SshTestKeys.Run("ssh-keygen", ["-Y", "verify", "-f", allowed, "-I", "lead@example.com", "-n", "release-record", "-s", signatureFile], payload + " "));
    }

    [Test]
    public void Keys_of_other_types_or_broken_lines_are_refused_naming_the_fix()
    {
        Assert.That(() => SshPublicKey.Parse("ssh-ed25519", "roster line 3"), Throws.TypeOf<FormatException>().With.Message.Contains("roster line 3").And.Message.Contains(".pub"));
        var rsa = SshTestKeys.Run("ssh-keygen", ["-y", "-f", Keys.PrivateKey("rsa-user", "rsa")]);
        Assert.That(() => SshPublicKey.Parse(rsa, "roster line 4"), Throws.TypeOf<FormatException>().With.Message.Contains("ssh-rsa' is not supported").And.Message.Contains("ssh-keygen -t ed25519"));
    }
}
