"""What happens to the built site after MkDocs has written it: precompressed copies for the web server."""
