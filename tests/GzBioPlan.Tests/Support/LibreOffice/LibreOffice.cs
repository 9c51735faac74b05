using System.Diagnostics;

namespace GzBioPlan.Tests.Support;

/// <summary>One row as LibreOffice Calc sees it: the height the file stores and the one Calc finds optimal for its content (1/100 mm).</summary>
public sealed record RowHeight(string File, string Sheet, int Row, int Stored, int Optimal);

/// <summary>
/// Debian's LibreOffice, headless, as the districts' office suite: it measures what our files look like in a real
/// suite instead of our own estimates. Tests that use it fail saying so where it is not installed
/// (<c>apt-get install libreoffice-calc libreoffice-writer</c>; <c>.ci/run</c> installs them).
/// </summary>
public static class LibreOffice
{
    private static readonly Lazy<string> Profile = new(CreateProfile);

    public static string Program =>
        new[] { "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc libreoffice-writer");

    /// <summary>Every used row of every sheet of every .xlsx in the folder.</summary>
    public static IReadOnlyList<RowHeight> RowHeights(string folder)
    {
        var output = Path.Combine(folder, "heights.txt");
        Run($"\"macro:///Standard.Heights.Optimal(\\\"{folder}\\\",\\\"{output}\\\")\"");
        return File.ReadAllLines(output).Select(l => l.Split('\t'))
            .Select(p => new RowHeight(p[0], p[1], int.Parse(p[2]), int.Parse(p[3]), int.Parse(p[4]))).ToList();
    }

    /// <summary>Converts each file to PDF in <paramref name="outDir"/>.</summary>
    public static void ToPdf(IEnumerable<string> files, string outDir) =>
        Run($"--convert-to pdf --outdir \"{outDir}\" " + string.Join(" ", files.Select(f => $"\"{f}\"")));

    private static void Run(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Program, $"--headless --norestore -env:UserInstallation=file://{Profile.Value} {arguments}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"soffice {arguments} did not finish in 3 minutes");
        }
    }

    /// <summary>A profile of our own, with the row-height macro in its Standard library (Basic; no Python-UNO needed).</summary>
    private static string CreateProfile()
    {
        var profile = Path.Combine(Path.GetTempPath(), "gzbioplan-lo-" + Guid.NewGuid().ToString("N"));
        using (var init = Process.Start(new ProcessStartInfo(Program, $"--headless --norestore -env:UserInstallation=file://{profile} --terminate_after_init")
               { RedirectStandardOutput = true, RedirectStandardError = true })!)
            init.WaitForExit(TimeSpan.FromMinutes(2));
        var basic = Path.Combine(profile, "user", "basic", "Standard");
        Directory.CreateDirectory(basic);
        var source = Path.Combine(Repo.Root, "tests", "GzBioPlan.Tests", "Support", "LibreOffice");
        File.Copy(Path.Combine(source, "Heights.xba"), Path.Combine(basic, "Heights.xba"), overwrite: true);
        File.Copy(Path.Combine(source, "script.xlb"), Path.Combine(basic, "script.xlb"), overwrite: true);
        return profile;
    }
}
