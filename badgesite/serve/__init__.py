"""The dev server: build, serve on 127.0.0.1 with live reload, rebuild on change."""
