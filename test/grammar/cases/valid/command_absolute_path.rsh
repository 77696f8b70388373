/usr/bin/env node
