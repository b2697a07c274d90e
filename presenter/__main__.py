from presenter.cli import main

raise SystemExit(main())
