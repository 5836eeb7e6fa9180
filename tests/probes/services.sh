#!/usr/bin/env bash
# Starts and stops the real servers the probe tests talk to, on loopback only (plus one address inside
# a network namespace made here, that drops every packet). Needs root (users, sshd, vsftpd, a network
# namespace); as another user it goes through `sudo -n`, and fails clearly when that is not allowed.
#
#   services.sh start STATE_DIR [--sample-ports] [pg] [ftp] [ssh] [http] [netns]
#   services.sh stop STATE_DIR
#
# With no service named, all of them start. Ports are free high ports unless --sample-ports asks for
# the sample project's own (PostgreSQL 5432, FTP 2121, SFTP 2222, HTTPS 8443, HTTP 8080/8081/18080),
# which lets `journeybench-cli check resources/sample --ca STATE_DIR/tls/ca.pem` pass with no
# --connect-to. Everything started is described in STATE_DIR/services.env (KEY=VALUE lines: ports,
# users, passwords, key files, the CA, the host key fingerprint, the drop address); `stop` ends the
# processes listed in STATE_DIR/pids (by their ids), deletes the users, the namespace and the files.
# The test users are "logistics" (FTP) and "erp-sync" (SFTP), as in the sample project.
set -Eeuo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
pgbin=/usr/lib/postgresql/15/bin
ftp_user=logistics
ssh_user=erp-sync
pam_service=journeybench-probe-ftp
# every running instance: its state folder and the process that owns it (the test that started it)
registry=/run/jbprobe-registry

die() {
  echo "services.sh: $*" >&2
  exit 1
}

need_root() {
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "needs root (users, sshd, vsftpd, a network namespace) and sudo is not installed"
    sudo -n true 2>/dev/null || die "needs root (users, sshd, vsftpd, a network namespace); run as root or allow passwordless sudo"
    export JB_SERVICES_OWNER=${JB_SERVICES_OWNER:-$PPID}
    exec sudo -n --preserve-env=JB_PROBE_TESTSERVER,JB_SERVICES_OWNER "$0" "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits (bounded) until something accepts TCP connections on 127.0.0.1:$1.
wait_port() {
  local port=$1 what=$2 i
  for ((i = 0; i < 100; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  die "$what did not start listening on 127.0.0.1:$port within 10 s (see $state/*.log)"
}

secret() {
  # letters and digits only: easy to grep for, and safe in every config file
  head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20
}

env_line() {
  echo "$1=$2" >>"$state/services.env"
}

started() {
  echo "$1 $2" >>"$state/pids"
}

make_certificates() {
  local tls=$state/tls
  mkdir -p "$tls"
  cd "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
    -subj "/CN=JourneyBench Test CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  # signed by the test CA: for 127.0.0.1/localhost (a year, and one expiring in 10 days), for the
  # wrong host name, and an expired one (openssl ca can date a certificate in the past)
  cat >ca.cnf <<EOF
[ca]
default_ca = test
[test]
database = $tls/index.txt
new_certs_dir = $tls
serial = $tls/serial
default_md = sha256
policy = anything
copy_extensions = copy
unique_subject = no
[anything]
commonName = supplied
EOF
  : >index.txt
  echo 1000 >serial
  local name
  for name in good soon wronghost expired; do
    local cn=127.0.0.1 san="DNS:localhost,IP:127.0.0.1"
    [[ $name != wronghost ]] || { cn=wrong.example; san="DNS:wrong.example"; }
    openssl req -new -newkey rsa:2048 -nodes -keyout "$name.key" -out "$name.csr" -subj "/CN=$cn" \
      -addext "subjectAltName=$san" -addext "extendedKeyUsage=serverAuth" 2>/dev/null
    local dates=(-days 365)
    [[ $name != soon ]] || dates=(-days 10)
    [[ $name != expired ]] || dates=(-startdate 20200101000000Z -enddate 20200201000000Z)
    openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -in "$name.csr" -out "$name.pem" \
      -notext "${dates[@]}" 2>/dev/null
  done
  # and one that no CA vouches for
  openssl req -x509 -newkey rsa:2048 -nodes -keyout selfsigned.key -out selfsigned.pem -days 365 \
    -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
  chmod 600 ./*.key
  cd - >/dev/null
  env_line CA_FILE "$tls/ca.pem"
}

start_http() {
  local server=${JB_PROBE_TESTSERVER:-}
  [[ -x $server ]] || die "set JB_PROBE_TESTSERVER to the jb-probe-testserver executable"
  local tls=$state/tls https_good https_soon https_expired https_wronghost https_self silent http dns_addr
  local http_extra=()
  if [[ $sample_ports == 1 ]]; then
    https_good=8443 http=8080
    http_extra=(--http 127.0.0.1:8081 --http 127.0.0.1:18080)
  else
    https_good=$(free_port) http=$(free_port)
  fi
  https_soon=$(free_port) https_expired=$(free_port) https_wronghost=$(free_port) https_self=$(free_port)
  silent=$(free_port)
  # a loopback address of our own for the DNS server: 127.0.0.0/8 is all loopback on Linux
  dns_addr=127.53.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))
  local bearer
  bearer=$(secret)
  printf '%s' "$bearer" >"$state/bearer"
  chmod 600 "$state/bearer"
  JB_TESTSERVER_BEARER=$bearer "$server" \
    --https "127.0.0.1:$https_good:$tls/good.pem:$tls/good.key" \
    --https "127.0.0.1:$https_soon:$tls/soon.pem:$tls/soon.key" \
    --https "127.0.0.1:$https_expired:$tls/expired.pem:$tls/expired.key" \
    --https "127.0.0.1:$https_wronghost:$tls/wronghost.pem:$tls/wronghost.key" \
    --https "127.0.0.1:$https_self:$tls/selfsigned.pem:$tls/selfsigned.key" \
    --http "127.0.0.1:$http" "${http_extra[@]}" --silent "127.0.0.1:$silent" \
    --dns "$dns_addr:53" --record db.journeybench.test=127.0.0.1 --record erp01.journeybench.test=127.0.0.1 \
    >"$state/testserver.log" 2>&1 &
  started testserver $!
  local i
  for ((i = 0; i < 100; i++)); do
    grep -q '^ready' "$state/testserver.log" 2>/dev/null && break
    kill -0 "$!" 2>/dev/null || die "jb-probe-testserver stopped: $(cat "$state/testserver.log")"
    sleep 0.1
  done
  grep -q '^ready' "$state/testserver.log" || die "jb-probe-testserver did not get ready within 10 s"
  env_line HTTPS_GOOD_PORT "$https_good"
  env_line HTTPS_SOON_PORT "$https_soon"
  env_line HTTPS_EXPIRED_PORT "$https_expired"
  env_line HTTPS_WRONGHOST_PORT "$https_wronghost"
  env_line HTTPS_SELFSIGNED_PORT "$https_self"
  env_line HTTP_PORT "$http"
  env_line SILENT_PORT "$silent"
  env_line DNS_SERVER "$dns_addr"
  env_line BEARER_TOKEN "$bearer"
}

start_pg() {
  [[ -x $pgbin/initdb ]] || die "PostgreSQL 15 is not installed ($pgbin/initdb)"
  local dir=$state/pg port password
  port=$([[ $sample_ports == 1 ]] && echo 5432 || free_port)
  password=$(secret)
  mkdir -p "$dir"
  chown postgres: "$dir"
  chmod 700 "$dir"
  # initdb refuses to run as root: the cluster belongs to the postgres system user
  runuser -u postgres -- "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-instructions >"$state/pg-initdb.log" 2>&1 || die "initdb failed: $(tail -5 "$state/pg-initdb.log")"
  cat >"$dir/data/pg_hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 scram-sha-256
EOF
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >"$state/pg-start.log" 2>&1 ||
    die "PostgreSQL did not start on port $port: $(tail -5 "$dir/server.log" 2>/dev/null)"
  started postgres "$(head -1 "$dir/data/postmaster.pid")"
  local psql=(runuser -u postgres -- "$pgbin/psql" -h "$dir" -p "$port" -v ON_ERROR_STOP=1 -q)
  "${psql[@]}" -d postgres -c "CREATE ROLE journeybench LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE journeybench OWNER journeybench" >/dev/null
  "${psql[@]}" -U journeybench -d journeybench <"$root/resources/sample/data/customers.sql" >/dev/null
  env_line PG_PORT "$port"
  env_line PG_USER journeybench
  env_line PG_DATABASE journeybench
  env_line PG_PASSWORD "$password"
  env_line PG_DIR "$dir"
}

add_user() {
  local name=$1 home=$2 password=$3
  if id "$name" >/dev/null 2>&1; then
    # only a user this script made (and did not get to delete) is reused
    getent passwd "$name" | cut -d: -f5 | grep -q '^JourneyBench probe tests' ||
      die "a user named $name exists and is not a test user; not touching it"
  else
    useradd -M -d "$home" -s /usr/sbin/nologin -c "JourneyBench probe tests" "$name"
  fi
  echo "$name:$password" | chpasswd
}

start_ftp() {
  command -v vsftpd >/dev/null || die "vsftpd is not installed"
  local dir=$state/ftp port implicit_port password
  port=$([[ $sample_ports == 1 ]] && echo 2121 || free_port)
  implicit_port=$(free_port)
  password=$(secret)
  mkdir -p "$dir/root/inbound" "$dir/empty"
  chmod 755 "$dir" "$dir/empty"
  add_user "$ftp_user" "$dir/root" "$password"
  echo "id;carrier;weight" >"$dir/root/inbound/shipments-2026-05-21.csv"
  echo "id;carrier;weight" >"$dir/root/inbound/shipments-2026-05-22.csv"
  chown -R "$ftp_user:" "$dir/root"
  # our own PAM service: password against /etc/shadow, no shell check (the user has no shell)
  cat >"/etc/pam.d/$pam_service" <<EOF
auth required pam_unix.so
account required pam_unix.so
session required pam_permit.so
EOF
  local conf
  for conf in plain implicit; do
    {
      echo "listen=YES"
      echo "listen_address=127.0.0.1"
      echo "listen_port=$([[ $conf == plain ]] && echo "$port" || echo "$implicit_port")"
      echo "background=NO"
      echo "anonymous_enable=NO"
      echo "local_enable=YES"
      echo "write_enable=NO"
      echo "chroot_local_user=YES"
      echo "allow_writeable_chroot=YES"
      echo "local_root=$dir/root"
      echo "secure_chroot_dir=$dir/empty"
      echo "pam_service_name=$pam_service"
      echo "userlist_enable=NO"
      echo "seccomp_sandbox=NO"
      echo "isolate=NO"
      echo "isolate_network=NO"
      echo "pasv_enable=YES"
      echo "pasv_address=127.0.0.1"
      echo "xferlog_enable=NO"
      echo "vsftpd_log_file=$dir/$conf.log"
      echo "ssl_enable=YES"
      echo "rsa_cert_file=$state/tls/good.pem"
      echo "rsa_private_key_file=$state/tls/good.key"
      echo "allow_anon_ssl=NO"
      echo "force_local_data_ssl=NO"
      echo "force_local_logins_ssl=NO"
      echo "require_ssl_reuse=NO"
      echo "ssl_ciphers=HIGH"
      [[ $conf == plain ]] || echo "implicit_ssl=YES"
    } >"$dir/$conf.conf"
    vsftpd "$dir/$conf.conf" >"$state/vsftpd-$conf.log" 2>&1 &
    started "vsftpd-$conf" $!
  done
  wait_port "$port" vsftpd
  wait_port "$implicit_port" "vsftpd (implicit FTPS)"
  env_line FTP_PORT "$port"
  env_line FTPS_IMPLICIT_PORT "$implicit_port"
  env_line FTP_USER "$ftp_user"
  env_line FTP_PASSWORD "$password"
  env_line FTP_ROOT "$dir/root"
}

start_ssh() {
  [[ -x /usr/sbin/sshd ]] || die "OpenSSH's sshd is not installed"
  local dir=$state/ssh port password run
  port=$([[ $sample_ports == 1 ]] && echo 2222 || free_port)
  password=$(secret)
  # sshd wants the chroot and the authorized keys on a root-owned path no one else can write: not /tmp
  run=/run/jbprobe-$tag
  mkdir -p "$dir" /run/sshd "$run/keys" "$run/sftp-root/outbound/orders"
  chmod 755 "$run" "$run/keys" "$run/sftp-root" "$run/sftp-root/outbound"
  add_user "$ssh_user" / "$password"
  echo '{"order": 1}' >"$run/sftp-root/outbound/orders/order-0001.json"
  echo '{"order": 2}' >"$run/sftp-root/outbound/orders/order-0002.json"
  chown -R "$ssh_user:" "$run/sftp-root/outbound/orders"
  ssh-keygen -q -t ed25519 -N "" -C "jbprobe host" -f "$dir/host_ed25519"
  ssh-keygen -q -t ed25519 -N "" -C "jbprobe client" -f "$dir/client_ed25519"
  ssh-keygen -q -t rsa -b 2048 -m PEM -N "" -C "jbprobe client rsa" -f "$dir/client_rsa"
  ssh-keygen -q -t ecdsa -b 256 -N "" -C "jbprobe client ecdsa" -f "$dir/client_ecdsa"
  ssh-keygen -q -t ed25519 -N "" -C "jbprobe stranger" -f "$dir/stranger_ed25519"
  cat "$dir/client_ed25519.pub" "$dir/client_rsa.pub" "$dir/client_ecdsa.pub" >"$run/keys/$ssh_user"
  chmod 644 "$run/keys/$ssh_user"
  cat >"$dir/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $run/keys/%u
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers $ssh_user
StrictModes yes
Subsystem sftp internal-sftp
Match User $ssh_user
  ChrootDirectory $run/sftp-root
  ForceCommand internal-sftp
  AllowTcpForwarding no
EOF
  /usr/sbin/sshd -t -f "$dir/sshd_config" || die "sshd refuses its configuration"
  /usr/sbin/sshd -D -e -f "$dir/sshd_config" >"$state/sshd.log" 2>&1 &
  started sshd $!
  wait_port "$port" sshd
  env_line SSH_PORT "$port"
  env_line SSH_USER "$ssh_user"
  env_line SSH_PASSWORD "$password"
  env_line SSH_KEY "$dir/client_ed25519"
  env_line SSH_RSA_KEY "$dir/client_rsa"
  env_line SSH_ECDSA_KEY "$dir/client_ecdsa"
  env_line SSH_STRANGER_KEY "$dir/stranger_ed25519"
  env_line SSH_HOSTKEY_SHA256 "$(ssh-keygen -l -E sha256 -f "$dir/host_ed25519.pub" | awk '{print $2}')"
  env_line SSH_RUN_DIR "$run"
}

start_netns() {
  # A namespace behind a veth pair; a /24 routed into it where nothing is assigned. The namespace
  # does not forward, so what goes there is dropped without a word: the "filtered" destination.
  local ns=jbp$tag n=$((10#$tag % 250 + 1))
  ip netns add "$ns" || die "cannot make a network namespace (ip netns add $ns)"
  echo "$ns" >"$state/netns"
  ip link add "${ns}a" type veth peer name "${ns}b"
  ip link set "${ns}b" netns "$ns"
  ip addr add "198.18.$n.1/30" dev "${ns}a"
  ip link set "${ns}a" up
  ip -n "$ns" addr add "198.18.$n.2/30" dev "${ns}b"
  ip -n "$ns" link set "${ns}b" up
  ip -n "$ns" link set lo up
  ip route add "198.19.$n.0/24" via "198.18.$n.2"
  env_line NETNS "$ns"
  env_line DROP_ADDR "198.19.$n.77"
}

# Stops the instances whose owner is gone (a test that crashed before it could stop them).
sweep_stale() {
  [[ -d $registry ]] || return 0
  local entry owner folder
  for entry in "$registry"/*; do
    [[ -f $entry ]] || continue
    read -r owner folder <"$entry" || continue
    if ! kill -0 "$owner" 2>/dev/null; then
      echo "services.sh: stopping the servers of a test that is gone ($folder)" >&2
      (do_stop "$folder") || true
      rm -f "$entry"
    fi
  done
}

do_start() {
  [[ $# -ge 1 ]] || die "usage: services.sh start STATE_DIR [--sample-ports] [pg] [ftp] [ssh] [http] [netns]"
  state=$(cd "$1" && pwd)
  shift
  sample_ports=0
  local wanted=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --sample-ports) sample_ports=1 ;;
      pg | ftp | ssh | http | netns) wanted+=("$1") ;;
      *) die "unknown service \"$1\"" ;;
    esac
    shift
  done
  [[ ${#wanted[@]} -gt 0 ]] || wanted=(http pg ftp ssh netns)
  # a short tag: names of users' run folders, the namespace and its veth pair (15 characters at most)
  tag=$(printf '%05d' $(($$ % 100000)))
  sweep_stale
  mkdir -p "$registry"
  # the owner: whoever started this script (the test process), unless told otherwise
  echo "${JB_SERVICES_OWNER:-$PPID} $state" >"$registry/$tag"
  chmod 711 "$state" # the postgres user must reach its cluster inside; nothing here is listable
  : >"$state/services.env"
  : >"$state/pids"
  echo "$tag" >"$state/tag"
  env_line STATE "$state"
  env_line CLOSED_PORT "$(free_port)"
  # whatever way the start fails (a command, or die), what did start is stopped again
  trap 'rc=$?; if [[ $rc -ne 0 ]]; then echo "services.sh: start failed; stopping what did start" >&2; do_stop "$state" || true; fi' EXIT
  make_certificates
  local s
  for s in "${wanted[@]}"; do
    "start_$s"
  done
  trap - EXIT
  echo "services.sh: started ${wanted[*]}; see $state/services.env"
}

do_stop() {
  state=$1
  [[ -d $state ]] || return 0
  if [[ -f $state/pids ]]; then
    local name pid
    while read -r name pid; do
      [[ -n $pid ]] || continue
      if [[ $name == postgres ]]; then
        runuser -u postgres -- "$pgbin/pg_ctl" -D "$state/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
      fi
      kill "$pid" 2>/dev/null || true
    done <"$state/pids"
    # bounded wait for each to be gone
    while read -r name pid; do
      [[ -n $pid ]] || continue
      local i
      for ((i = 0; i < 50; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -9 "$pid" 2>/dev/null || true
    done <"$state/pids"
    : >"$state/pids"
  fi
  if [[ -f $state/netns ]]; then
    local ns
    ns=$(cat "$state/netns")
    ip link del "${ns}a" 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
    rm -f "$state/netns"
  fi
  local user
  for user in "$ftp_user" "$ssh_user"; do
    if getent passwd "$user" | cut -d: -f5 | grep -q '^JourneyBench probe tests'; then
      userdel "$user" 2>/dev/null || true
    fi
  done
  rm -f "/etc/pam.d/$pam_service"
  if [[ -f $state/tag ]]; then
    rm -rf "/run/jbprobe-$(cat "$state/tag")"
  fi
  rm -rf "$state/pg"
  local entry
  for entry in "$registry"/*; do
    [[ -f $entry ]] && grep -q " $state\$" "$entry" && rm -f "$entry"
  done
  return 0
}

main() {
  [[ $# -ge 2 ]] || die "usage: services.sh start|stop STATE_DIR [...]"
  need_root "$@"
  local command=$1
  shift
  case $command in
    start) do_start "$@" ;;
    stop) do_stop "$1" ;;
    *) die "usage: services.sh start|stop STATE_DIR [...]" ;;
  esac
}

main "$@"
