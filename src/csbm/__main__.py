from csbm.cli import main

main()
