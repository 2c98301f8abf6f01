/**
 * The shell completion scripts of `stx-openstack-gitops completion <shell>`. Each asks the bin
 * (`__complete <command> <previous-word> <current-word>`) for the candidates, so commands, flags,
 * stacks, subclouds, releases and credential ids come from the registry and the tree at hand.
 *
 * The bin is asked by its name when it is on PATH (`npm link`, a global install); in a project
 * where it is not (`npx stx-openstack-gitops`, an alias), the script runs the bin file it was
 * generated from.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const BIN = 'stx-openstack-gitops';

/** A word in single quotes for bash and zsh (a quote inside closes, escapes and reopens). */
const posixQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** A word in single quotes for fish (backslash and quote escaped). */
const fishQuote = (s: string) => `'${s.replace(/[\\']/g, '\\$&')}'`;

const bash = (binFile: string) => `# bash completion for ${BIN}: source it, or put it in ~/.local/share/bash-completion/completions/${BIN}
_stx_openstack_gitops_ask() {
  if type -P ${BIN} >/dev/null 2>&1; then ${BIN} "$@"; else node ${posixQuote(binFile)} "$@"; fi
}
_stx_openstack_gitops() {
  local cur prev cmd
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  if [ "\${COMP_CWORD}" -gt 1 ]; then cmd="\${COMP_WORDS[1]}"; fi
  local words
  words="$(_stx_openstack_gitops_ask __complete -- "\${cmd}" "\${prev}" "\${cur}" 2>/dev/null)"
  if [ -n "\${words}" ]; then
    COMPREPLY=( $(compgen -W "\${words}" -- "\${cur}") )
  else
    COMPREPLY=( $(compgen -f -- "\${cur}") )
  fi
}
complete -F _stx_openstack_gitops ${BIN}
`;

const zsh = (binFile: string) => `#compdef ${BIN}
# zsh completion for ${BIN}: put it in a folder of $fpath as _${BIN}
_stx_openstack_gitops_ask() {
  if (( $+commands[${BIN}] )); then ${BIN} "$@"; else node ${posixQuote(binFile)} "$@"; fi
}
_stx_openstack_gitops() {
  local cmd=""
  (( CURRENT > 2 )) && cmd="\${words[2]}"
  local -a candidates
  candidates=("\${(@f)$(_stx_openstack_gitops_ask __complete -- "\${cmd}" "\${words[CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null)}")
  if (( \${#candidates[@]} > 0 )) && [[ -n "\${candidates[1]}" ]]; then
    compadd -- "\${candidates[@]}"
  else
    _files
  fi
}
compdef _stx_openstack_gitops ${BIN}
`;

const fish = (binFile: string) => `# fish completion for ${BIN}: put it in ~/.config/fish/completions/${BIN}.fish
function __stx_openstack_gitops_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l cmd ""
    if test (count $tokens) -gt 1
        set cmd $tokens[2]
    end
    if command -q ${BIN}
        ${BIN} __complete -- "$cmd" "$tokens[-1]" "$current" 2>/dev/null
    else
        node ${fishQuote(binFile)} __complete -- "$cmd" "$tokens[-1]" "$current" 2>/dev/null
    end
end
complete -c ${BIN} -f -a '(__stx_openstack_gitops_complete)'
`;

/** The script for `shell`; `binFile` is the bin it runs when `stx-openstack-gitops` is not on PATH. */
export function completionScript(shell: Shell, binFile: string): string {
  return { bash, zsh, fish }[shell](binFile);
}
