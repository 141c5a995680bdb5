// SPDX-License-Identifier: GPL-2.0-only
/*
 * racer: change, as fast as possible and until killed, the strings the
 * tracer reads from memory other CPUs write, so that a record's size and
 * its bytes may be taken from two different values.
 *
 *   racer netif NAME_LONG NAME_SHORT   rename a (down) interface back and forth
 *   racer comm  NAME_LONG NAME_SHORT   prctl(PR_SET_NAME) back and forth
 *   racer file  PATH_LONG PATH_SHORT   rename a file it holds open
 *
 * Prints the number of changes made when it gets SIGTERM.
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static int rename_netif(int sock, const char *from, const char *to)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", from);
	snprintf(ifr.ifr_newname, sizeof(ifr.ifr_newname), "%s", to);
	return ioctl(sock, SIOCSIFNAME, &ifr);
}

int main(int argc, char **argv)
{
	const char *names[2];
	unsigned long n = 0;
	int sock = -1, fd = -1;

	if (argc != 4) {
		fprintf(stderr, "usage: racer netif|comm|file LONG SHORT\n");
		return 2;
	}
	names[0] = argv[2];
	names[1] = argv[3];
	signal(SIGTERM, on_term);
	if (!strcmp(argv[1], "netif")) {
		sock = socket(AF_INET, SOCK_DGRAM, 0);
		if (sock < 0) {
			perror("socket");
			return 1;
		}
	} else if (!strcmp(argv[1], "file")) {
		fd = open(names[0], O_RDONLY | O_CREAT, 0600);
		if (fd < 0) {
			perror(names[0]);
			return 1;
		}
	} else if (strcmp(argv[1], "comm")) {
		fprintf(stderr, "racer: unknown kind %s\n", argv[1]);
		return 2;
	}
	/* Ready: the caller waits for this line before it starts recording. */
	printf("ready\n");
	fflush(stdout);
	while (!stop) {
		const char *from = names[n & 1], *to = names[!(n & 1)];
		int ret;

		if (sock >= 0)
			ret = rename_netif(sock, from, to);
		else if (fd >= 0)
			ret = rename(from, to);
		else
			ret = prctl(PR_SET_NAME, to, 0, 0, 0);
		if (ret) {
			fprintf(stderr, "racer %s: %s -> %s: %s\n", argv[1], from, to,
				strerror(errno));
			return 1;
		}
		n++;
	}
	printf("%lu changes\n", n);
	return 0;
}
