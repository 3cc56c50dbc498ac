using System.Text;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// Splits a command into a literal argv (POSIX single/double quotes and backslash escapes) and refuses everything
/// whose meaning depends on a shell: command substitution (<c>$()</c>, backticks, even inside double quotes),
/// variable expansion, chaining (<c>;</c> <c>&amp;&amp;</c> <c>||</c> <c>|</c> <c>&amp;</c>), redirections and heredocs, newlines and
/// line continuations, globs, brace/tilde expansion, subshells, comments, leading <c>VAR=value</c> assignments,
/// shell/interpreter inline payloads (<c>sh -c</c>, <c>python -c</c>, <c>node -e</c>) and semantic wrappers
/// (<c>env -S</c>). Allowlisted commands then run this argv directly, without a shell, so what was analysed is
/// exactly what executes.
/// </summary>
public static class CommandAnalyzer
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "zsh", "dash", "ksh", "fish", "ash", "busybox", "toybox", "csh", "tcsh", "pwsh", "powershell" };
    private static readonly HashSet<string> Interpreters = new(StringComparer.Ordinal) { "python", "python3", "python2", "node", "nodejs", "perl", "ruby", "php", "lua", "deno", "bun", "osascript" };
    private static readonly HashSet<string> Runners = new(StringComparer.Ordinal) { "env", "xargs", "nohup", "nice", "timeout", "stdbuf", "flock", "sudo", "doas", "su", "exec", "eval", "command", "builtin", "npx", "time", "watch", "strace", "chroot", "setsid", "script" };

    public static CommandAnalysis Analyze(string command)
    {
        var argv = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case '\n' or '\r':
                    return CommandAnalysis.Refuse("newlines (several commands) are not allowed in allowlist mode");
                case ' ' or '\t':
                    if (inToken)
                    {
                        argv.Add(current.ToString());
                        current.Clear();
                        inToken = false;
                    }

                    continue;
                case '\'':
                    var end = command.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        return CommandAnalysis.Refuse("unterminated single quote");
                    }

                    current.Append(command, i + 1, end - i - 1);
                    i = end;
                    inToken = true;
                    continue;
                case '"':
                    var j = i + 1;
                    for (; j < command.Length && command[j] != '"'; j++)
                    {
                        var d = command[j];
                        if (d is '`')
                        {
                            return CommandAnalysis.Refuse("command substitution with backticks (even inside double quotes) is not allowed");
                        }

                        if (d is '$')
                        {
                            return CommandAnalysis.Refuse("$ expansion inside double quotes ($VAR, ${…}, $(…)) is not allowed in allowlist mode; use single quotes for literal text");
                        }

                        if (d is '\\' && j + 1 < command.Length)
                        {
                            j++;
                            d = command[j];
                            if (d is '\n')
                            {
                                return CommandAnalysis.Refuse("line continuations are not allowed");
                            }
                        }

                        current.Append(d);
                    }

                    if (j >= command.Length)
                    {
                        return CommandAnalysis.Refuse("unterminated double quote");
                    }

                    i = j;
                    inToken = true;
                    continue;
                case '\\':
                    if (i + 1 >= command.Length || command[i + 1] is '\n' or '\r')
                    {
                        return CommandAnalysis.Refuse("line continuations and trailing backslashes are not allowed");
                    }

                    current.Append(command[++i]);
                    inToken = true;
                    continue;
                case '`':
                    return CommandAnalysis.Refuse("command substitution with backticks is not allowed");
                case '$':
                    return CommandAnalysis.Refuse(i + 1 < command.Length && command[i + 1] == '(' ? "command substitution $(…) is not allowed" : "variable expansion ($VAR, ${…}) is not allowed in allowlist mode");
                case ';':
                    return CommandAnalysis.Refuse("command chaining with ; is not allowed in allowlist mode");
                case '&':
                    return CommandAnalysis.Refuse(i + 1 < command.Length && command[i + 1] == '&' ? "command chaining with && is not allowed in allowlist mode" : "background execution with & is not allowed");
                case '|':
                    return CommandAnalysis.Refuse(i + 1 < command.Length && command[i + 1] == '|' ? "command chaining with || is not allowed in allowlist mode" : "pipes (|) are not allowed in allowlist mode");
                case '<' or '>':
                    return CommandAnalysis.Refuse(command.AsSpan(i).StartsWith("<<") ? "heredocs need explicit approval" : "redirections (<, >) are not allowed in allowlist mode");
                case '(' or ')':
                    return CommandAnalysis.Refuse("subshells and grouping with ( ) are not allowed");
                case '*' or '?' or '[':
                    return CommandAnalysis.Refuse($"unquoted glob character '{c}' is not allowed in allowlist mode; quote it to pass it literally");
                case '{' or '}':
                    return CommandAnalysis.Refuse("unquoted brace expansion { } is not allowed in allowlist mode");
                case '#' when !inToken:
                    return CommandAnalysis.Refuse("shell comments (#) are not allowed in allowlist mode");
                case '~' when !inToken:
                    return CommandAnalysis.Refuse("tilde (~) expansion is not allowed in allowlist mode");
                default:
                    if (char.IsControl(c) || ApprovalText.HasHiddenCharacters(c.ToString()))
                    {
                        return CommandAnalysis.Refuse($"the command contains invisible or control characters ({ApprovalText.Escape(c.ToString())})");
                    }

                    current.Append(c);
                    inToken = true;
                    continue;
            }
        }

        if (inToken)
        {
            argv.Add(current.ToString());
        }

        if (argv.Count == 0)
        {
            return CommandAnalysis.Refuse("the command is empty");
        }

        if (argv[0].Contains('=', StringComparison.Ordinal) && !argv[0].StartsWith('='))
        {
            return CommandAnalysis.Refuse("leading environment assignments (VAR=value cmd) are not allowed in allowlist mode; pass env instead");
        }

        var name = Path.GetFileName(argv[0]);
        if (name == "env" && argv.Skip(1).Any(a => a is "-S" || a.StartsWith("--split-string", StringComparison.Ordinal) || (a.StartsWith('-') && !a.StartsWith("--", StringComparison.Ordinal) && a.Contains('S', StringComparison.Ordinal))))
        {
            return CommandAnalysis.Refuse("env -S/--split-string re-splits its argument into a new command; semantic wrappers are refused");
        }

        if (Shells.Contains(name))
        {
            return CommandAnalysis.Refuse($"{name} is a shell; shell payloads (e.g. {name} -c) need explicit approval and shells are never allowlisted");
        }

        if (Interpreters.Contains(name) || name.StartsWith("python", StringComparison.Ordinal))
        {
            return CommandAnalysis.Refuse($"{name} is an interpreter; interpreter commands (inline -c/-e code or scripts) need explicit approval");
        }

        if (Runners.Contains(name))
        {
            return CommandAnalysis.Refuse($"{name} runs another command; wrappers and runners are not allowlisted (call the inner command directly)");
        }

        return new CommandAnalysis(argv, null);
    }
}
