# hub-spoke: a hub VPC holding SSM interface endpoints (private DNS off) shared with two spoke
# VPCs through Route 53 private hosted zones, one transit gateway attached to all three VPCs,
# a peering between the spokes, an instance per spoke. No internet gateway, no NAT.
# Applied against a local moto server by src/test/fixtures/make-import-fixtures.sh.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "endpoint" {
  description = "URL of the moto server standing in for AWS"
  type        = string
  default     = "http://127.0.0.1:5000"
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    ec2     = var.endpoint
    sts     = var.endpoint
    route53 = var.endpoint
  }
}

locals {
  services = toset(["ssm", "ec2messages", "ssmmessages"])
  spokes = {
    a = "10.1.0.0/16"
    b = "10.2.0.0/16"
  }
  spoke_subnets = {
    "a-1a" = { spoke = "a", az = "us-east-1a", cidr = "10.1.1.0/24" }
    "a-1b" = { spoke = "a", az = "us-east-1b", cidr = "10.1.2.0/24" }
    "b-1a" = { spoke = "b", az = "us-east-1a", cidr = "10.2.1.0/24" }
    "b-1b" = { spoke = "b", az = "us-east-1b", cidr = "10.2.2.0/24" }
  }
}

# ---- hub ----

resource "aws_vpc" "hub" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = "hub" }
}

resource "aws_subnet" "hub" {
  count             = 2
  vpc_id            = aws_vpc.hub.id
  cidr_block        = "10.0.${count.index + 1}.0/24"
  availability_zone = ["us-east-1a", "us-east-1b"][count.index]
  tags              = { Name = "hub-${["a", "b"][count.index]}" }
}

resource "aws_route_table" "hub" {
  vpc_id = aws_vpc.hub.id
  tags   = { Name = "hub" }
}

resource "aws_route" "hub_to_spoke" {
  for_each               = local.spokes
  route_table_id         = aws_route_table.hub.id
  destination_cidr_block = each.value
  transit_gateway_id     = aws_ec2_transit_gateway.tgw.id
  depends_on             = [aws_ec2_transit_gateway_vpc_attachment.hub]
}

resource "aws_route_table_association" "hub" {
  count          = 2
  subnet_id      = aws_subnet.hub[count.index].id
  route_table_id = aws_route_table.hub.id
}

resource "aws_security_group" "endpoints" {
  name        = "hub-endpoints"
  description = "HTTPS from the hub and the spokes to the shared endpoints"
  vpc_id      = aws_vpc.hub.id
  ingress {
    description = "HTTPS from the hub and the spokes"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = concat([aws_vpc.hub.cidr_block], values(local.spokes))
  }
  tags = { Name = "hub-endpoints" }
}

resource "aws_vpc_endpoint" "hub" {
  for_each            = local.services
  vpc_id              = aws_vpc.hub.id
  service_name        = "com.amazonaws.us-east-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.hub[*].id
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = false
  tags                = { Name = "hub-${each.key}" }
}

# ---- spokes ----

resource "aws_vpc" "spoke" {
  for_each             = local.spokes
  cidr_block           = each.value
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = "spoke-${each.key}" }
}

resource "aws_subnet" "spoke" {
  for_each          = local.spoke_subnets
  vpc_id            = aws_vpc.spoke[each.value.spoke].id
  cidr_block        = each.value.cidr
  availability_zone = each.value.az
  tags              = { Name = "spoke-${each.key}" }
}

resource "aws_route_table" "spoke" {
  for_each = local.spokes
  vpc_id   = aws_vpc.spoke[each.key].id
  tags     = { Name = "spoke-${each.key}" }
}

resource "aws_route_table_association" "spoke" {
  for_each       = local.spoke_subnets
  subnet_id      = aws_subnet.spoke[each.key].id
  route_table_id = aws_route_table.spoke[each.value.spoke].id
}

resource "aws_route" "spoke_to_hub" {
  for_each               = local.spokes
  route_table_id         = aws_route_table.spoke[each.key].id
  destination_cidr_block = aws_vpc.hub.cidr_block
  transit_gateway_id     = aws_ec2_transit_gateway.tgw.id
  depends_on             = [aws_ec2_transit_gateway_vpc_attachment.spoke]
}

# ---- transit gateway ----

resource "aws_ec2_transit_gateway" "tgw" {
  description = "hub and spokes"
  tags        = { Name = "tgw" }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "hub" {
  transit_gateway_id = aws_ec2_transit_gateway.tgw.id
  vpc_id             = aws_vpc.hub.id
  subnet_ids         = aws_subnet.hub[*].id
  tags               = { Name = "hub" }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "spoke" {
  for_each           = local.spokes
  transit_gateway_id = aws_ec2_transit_gateway.tgw.id
  vpc_id             = aws_vpc.spoke[each.key].id
  subnet_ids         = [for k, s in local.spoke_subnets : aws_subnet.spoke[k].id if s.spoke == each.key]
  tags               = { Name = "spoke-${each.key}" }
}

# ---- peering between the spokes ----

resource "aws_vpc_peering_connection" "spokes" {
  vpc_id      = aws_vpc.spoke["a"].id
  peer_vpc_id = aws_vpc.spoke["b"].id
  auto_accept = true
  tags        = { Name = "spoke-a-to-spoke-b" }
}

resource "aws_route" "peering" {
  for_each                  = { a = "b", b = "a" }
  route_table_id            = aws_route_table.spoke[each.key].id
  destination_cidr_block    = local.spokes[each.value]
  vpc_peering_connection_id = aws_vpc_peering_connection.spokes.id
}

# ---- the hub's endpoints shared with the spokes ----

resource "aws_route53_zone" "service" {
  for_each = local.services
  name     = "${each.key}.us-east-1.amazonaws.com"
  comment  = "${each.key} through the hub's interface endpoint"
  dynamic "vpc" {
    for_each = local.spokes
    content {
      vpc_id = aws_vpc.spoke[vpc.key].id
    }
  }
}

resource "aws_route53_record" "service" {
  for_each = local.services
  zone_id  = aws_route53_zone.service[each.key].zone_id
  name     = aws_route53_zone.service[each.key].name
  type     = "A"
  alias {
    name                   = aws_vpc_endpoint.hub[each.key].dns_entry[0].dns_name
    zone_id                = aws_vpc_endpoint.hub[each.key].dns_entry[0].hosted_zone_id
    evaluate_target_health = true
  }
}

# ---- one instance per spoke ----

resource "aws_instance" "spoke" {
  for_each      = local.spokes
  ami           = "ami-04681a1dbd79675a5" # an Amazon Linux 2 image moto knows
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.spoke["${each.key}-1a"].id
  tags          = { Name = "app-${each.key}" }
}
