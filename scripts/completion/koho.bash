# Bash completion for koho: subcommands, each subcommand's options, and file
# names — .json layouts and timelines where a command takes one, folders
# where an option takes one. Load it with
#   source scripts/completion/koho.bash
# or copy it to ~/.local/share/bash-completion/completions/koho.
# tests/cli/commands_cli_test.cpp checks it against `koho --help`.

_koho_subcommands="print preflight impose typeset video transcode concat diff proof gallery plan run-job jobs watch check schema fonts"

# The options of one subcommand (as its --help lists them).
_koho_options() {
    local limits_print="--max-image-pixels --max-pages --max-text-chars"
    local limits_video="--max-image-pixels --max-text-chars --max-video-seconds --max-video-pixels"
    case "$1" in
        print) echo "-h --help -o --output --output-dir --records --list-records --proof --dpi --root --font-dir --deps --timings --color --profile --pdfx --no-preflight --web --spreads $limits_print" ;;
        preflight) echo "-h --help --json --tac --min-ppi" ;;
        impose) echo "-h --help -o --output --saddle-stitch --binding --pad" ;;
        typeset) echo "-h --help --text --width-em --kinsoku --hanging --no-hanging --indent-em --font --size --writing --json --png --font-dir --deps" ;;
        video) echo "-h --help -o --output --output-dir --records --list-records --variant --list-variants --preset --encoder-preset --crf --threads --root --font-dir --segment --deps -q --quiet $limits_video" ;;
        transcode) echo "-h --help -o --output --preset --overlay --overlay-at --overlay-width --captions --loudness --true-peak --crf --encoder-preset --threads --root --font-dir -q --quiet $limits_video" ;;
        concat) echo "-h --help --timeline -o --output --root --font-dir --deps -q --quiet $limits_video" ;;
        diff) echo "-h --help -o --output --dpi --threshold --group -q --quiet" ;;
        proof) echo "-h --help --contact-sheet -o --output --columns --tile --title --root --font-dir" ;;
        gallery) echo "-h --help -o --output -q --quiet" ;;
        plan) echo "-h --help -o --output --json --output-dir --editions --segments" ;;
        run-job) echo "-h --help --index --index-from-env --shard --stage --results" ;;
        jobs) echo "-h --help --results --json --contact-sheet --all --shell" ;;
        watch) echo "-h --help --serve --output-dir --poll" ;;
        check) echo "-h --help --root --font-dir" ;;
        schema) echo "-h --help -o --output" ;;
        fonts) echo "-h --help --root --font-dir --json" ;;
    esac
}

_koho() {
    local cur prev sub i
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"

    # The subcommand: the first word after the global options.
    sub=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --diagnostic-format) ((i++)) ;;
            -*) ;;
            *) sub="${COMP_WORDS[i]}"; break ;;
        esac
    done

    if [[ -z "$sub" ]]; then
        if [[ "$prev" == "--diagnostic-format" ]]; then
            COMPREPLY=($(compgen -W "text json" -- "$cur"))
        elif [[ "$cur" == -* ]]; then
            COMPREPLY=($(compgen -W "-h --help --version --diagnostic-format" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$_koho_subcommands" -- "$cur"))
        fi
        return 0
    fi

    # An option's value.
    case "$prev" in
        --root | --font-dir | --output-dir | --proof | --results | --deps)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -d -- "$cur"))
            return 0 ;;
        --color) COMPREPLY=($(compgen -W "cmyk rgb" -- "$cur")); return 0 ;;
        --pdfx) COMPREPLY=($(compgen -W "4 1a none" -- "$cur")); return 0 ;;
        -o | --output)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
            return 0 ;;
    esac

    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$(_koho_options "$sub")" -- "$cur"))
        return 0
    fi

    compopt -o filenames 2>/dev/null
    case "$sub" in
        schema) COMPREPLY=($(compgen -W "layout timeline" -- "$cur")) ;;
        print | video | check | proof | plan | concat | watch)
            # Layouts and timelines, and folders to reach them.
            COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.json' -- "$cur")) ;;
        preflight | impose | diff) COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.pdf' -- "$cur")) ;;
        *) COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
    return 0
}

complete -F _koho koho
