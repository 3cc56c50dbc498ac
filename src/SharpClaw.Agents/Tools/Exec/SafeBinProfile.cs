namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// A stdin-filter binary that may run without approval when every flag is known (exact match, so GNU long-option
/// abbreviations are refused), no file operand is given and no denied token appears.
/// </summary>
public sealed record SafeBinProfile(IReadOnlySet<string> Flags, IReadOnlySet<string> ValueFlags, int MaxPositionals, IReadOnlyList<string> DeniedSubstrings)
{
    private static SafeBinProfile P(string flags, string valueFlags, int positionals = 0, params string[] denied)
        => new(flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), valueFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), positionals, denied);

    public static readonly IReadOnlyDictionary<string, SafeBinProfile> Defaults = new Dictionary<string, SafeBinProfile>(StringComparer.Ordinal)
    {
        ["head"] = P("-q -v --quiet --silent --verbose", "-n -c --lines --bytes"),
        ["tail"] = P("-q -v --quiet --silent --verbose", "-n -c --lines --bytes"),
        ["wc"] = P("-l -w -c -m -L --lines --words --bytes --chars --max-line-length", string.Empty),
        ["cut"] = P("-s -n --complement --only-delimited", "-d -f -c -b --delimiter --fields --characters --bytes --output-delimiter"),
        ["uniq"] = P("-c -d -u -i --count --repeated --unique --ignore-case", "-f -s -w --skip-fields --skip-chars --check-chars"),
        ["tr"] = P("-d -s -c -C --delete --squeeze-repeats --complement", string.Empty, 2),
        ["sort"] = P("-r -n -u -f -b -h -V -s --reverse --numeric-sort --unique --ignore-case --human-numeric-sort --stable", "-k -t --key --field-separator"),
        ["grep"] = P("-i -v -c -n -E -F -w -x -o -q -s -h -H --ignore-case --invert-match --count --line-number --extended-regexp --fixed-strings --word-regexp --line-regexp --only-matching --quiet", "-e -m --regexp --max-count", 1),
        ["jq"] = P("-r -c -n -e -s -S -j --raw-output --compact-output --null-input --exit-status --slurp --sort-keys --join-output", string.Empty, 1, "env", "$ENV", "input_filename", "$__loc__", "debug", "stderr", "import", "include"),
    };

    /// <summary>Null when the arguments are acceptable, else why not.</summary>
    public string? Check(string name, IReadOnlyList<string> args)
    {
        var positionals = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (DeniedSubstrings.FirstOrDefault(d => a.Contains(d, StringComparison.Ordinal)) is { } denied)
            {
                return $"{name}: '{denied}' is not allowed for a safe binary";
            }

            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var flag = a.Split('=', 2)[0];
                if (ValueFlags.Contains(flag))
                {
                    i += a.Contains('=', StringComparison.Ordinal) ? 0 : 1;
                }
                else if (!Flags.Contains(flag) || a.Contains('=', StringComparison.Ordinal))
                {
                    return $"{name}: unknown or abbreviated option '{flag}' (only exact known options are allowed for safe binaries)";
                }
            }
            else if (a.StartsWith('-') && a.Length > 1 && !char.IsDigit(a[1]))
            {
                for (var k = 1; k < a.Length; k++)
                {
                    var flag = "-" + a[k];
                    if (ValueFlags.Contains(flag))
                    {
                        i += k == a.Length - 1 ? 1 : 0;
                        break;
                    }

                    if (!Flags.Contains(flag))
                    {
                        return $"{name}: unknown option '{flag}' for a safe binary";
                    }
                }
            }
            else if (++positionals > MaxPositionals)
            {
                return $"{name}: file operands are not allowed for safe binaries (they only filter stdin); got '{a}'";
            }
        }

        return null;
    }
}
