// Replaced by the embedded PostgreSQL test server setup.
export default function setup() {}
