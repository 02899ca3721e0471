# A VPC over the AZs given: a public and a private subnet per AZ (keyed by AZ), an internet
# gateway, a NAT gateway per AZ or one for all, a route table for the public subnets and one
# per private subnet.

variable "name" {
  description = "Name of the VPC, and prefix of its resources' names"
  type        = string
}

variable "cidr" {
  description = "The VPC's CIDR (a /16: subnets are /24s of it)"
  type        = string
}

variable "azs" {
  description = "The AZs to make subnets in"
  type        = list(string)
}

variable "nat_per_az" {
  description = "A NAT gateway in every AZ (true) or one in the first AZ for all (false)"
  type        = bool
  default     = true
}

locals {
  az_index = { for i, az in var.azs : az => i }
  nat_azs  = var.nat_per_az ? toset(var.azs) : toset([var.azs[0]])
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = var.name }
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = var.name }
}

resource "aws_subnet" "public" {
  for_each                = local.az_index
  vpc_id                  = aws_vpc.this.id
  cidr_block              = cidrsubnet(var.cidr, 8, each.value)
  availability_zone       = each.key
  map_public_ip_on_launch = true
  tags                    = { Name = "${var.name}-public-${substr(each.key, -1, 1)}" }
}

resource "aws_subnet" "private" {
  for_each          = local.az_index
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(var.cidr, 8, each.value + 10)
  availability_zone = each.key
  tags              = { Name = "${var.name}-private-${substr(each.key, -1, 1)}" }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
  tags = { Name = "${var.name}-public" }
}

resource "aws_route_table_association" "public" {
  for_each       = local.az_index
  subnet_id      = aws_subnet.public[each.key].id
  route_table_id = aws_route_table.public.id
}

resource "aws_eip" "nat" {
  for_each = local.nat_azs
  domain   = "vpc"
  tags     = { Name = "${var.name}-nat-${substr(each.key, -1, 1)}" }
}

resource "aws_nat_gateway" "this" {
  for_each      = local.nat_azs
  allocation_id = aws_eip.nat[each.key].id
  subnet_id     = aws_subnet.public[each.key].id
  tags          = { Name = "${var.name}-nat-${substr(each.key, -1, 1)}" }
  depends_on    = [aws_internet_gateway.this]
}

# each private subnet's table: 0.0.0.0/0 to its own AZ's NAT gateway, else the first AZ's
resource "aws_route_table" "private" {
  for_each = local.az_index
  vpc_id   = aws_vpc.this.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this[var.nat_per_az ? each.key : var.azs[0]].id
  }
  tags = { Name = "${var.name}-private-${substr(each.key, -1, 1)}" }
}

resource "aws_route_table_association" "private" {
  for_each       = local.az_index
  subnet_id      = aws_subnet.private[each.key].id
  route_table_id = aws_route_table.private[each.key].id
}

output "vpc_id" {
  value = aws_vpc.this.id
}

output "vpc_cidr_block" {
  value = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "In the order of var.azs (the map's keys, sorted)"
  value       = values(aws_subnet.public)[*].id
}

output "private_subnet_ids" {
  description = "In the order of var.azs (the map's keys, sorted)"
  value       = values(aws_subnet.private)[*].id
}

output "public_route_table_id" {
  value = aws_route_table.public.id
}

output "private_route_table_ids" {
  value = values(aws_route_table.private)[*].id
}

output "nat_gateway_ids" {
  value = values(aws_nat_gateway.this)[*].id
}
